import { defineNamespace } from './messages';

/** Words used across the product: app name, languages, roles, glossary terms. */
export const common = defineNamespace({
  en: {
    appName: 'Ashyq',
    tagline: 'Transparent scoring for skills championships and demonstration exams',
    language: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
    health: { ok: 'Server is running' },
  },
  ru: {
    appName: 'Ashyq',
    tagline: 'Прозрачное оценивание чемпионатов профмастерства и демонстрационных экзаменов',
    language: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
    health: { ok: 'Сервер работает' },
  },
  kk: {
    appName: 'Ashyq',
    tagline: 'Кәсіби шеберлік чемпионаттары мен демонстрациялық емтихандарды ашық бағалау',
    language: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
    health: { ok: 'Сервер жұмыс істеп тұр' },
  },
});
