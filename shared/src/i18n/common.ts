import { defineNamespace } from './messages';

/** Words used across the product: app name, languages, roles, glossary terms. */
export const common = defineNamespace({
  en: {
    appName: 'Ashyq',
    file: { choose: 'Choose a file', none: 'No file chosen' },
    tagline: 'Transparent scoring for skills championships and demonstration exams',
    language: { label: 'Language', kk: 'Қазақша', ru: 'Русский', en: 'English' },
    languageShort: { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' },
    health: {
      checking: 'Checking the server…',
      ok: 'Server is running',
      down: 'Server is not reachable',
    },
    request: {
      network: 'No connection to the server. Try again.',
      refused: 'The server refused the request ({{status}}).',
    },
  },
  ru: {
    appName: 'Ashyq',
    file: { choose: 'Выбрать файл', none: 'Файл не выбран' },
    tagline: 'Прозрачное оценивание чемпионатов профмастерства и демонстрационных экзаменов',
    language: { label: 'Язык', kk: 'Қазақша', ru: 'Русский', en: 'English' },
    languageShort: { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' },
    health: { checking: 'Проверяем сервер…', ok: 'Сервер работает', down: 'Сервер недоступен' },
    request: {
      network: 'Нет связи с сервером. Попробуйте ещё раз.',
      refused: 'Сервер отклонил запрос ({{status}}).',
    },
  },
  kk: {
    appName: 'Ashyq',
    file: { choose: 'Файлды таңдау', none: 'Файл таңдалмаған' },
    tagline: 'Кәсіби шеберлік чемпионаттары мен демонстрациялық емтихандарды ашық бағалау',
    language: { label: 'Тіл', kk: 'Қазақша', ru: 'Русский', en: 'English' },
    languageShort: { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' },
    health: {
      checking: 'Серверді тексеріп жатырмыз…',
      ok: 'Сервер жұмыс істеп тұр',
      down: 'Серверге қосылу мүмкін емес',
    },
    request: {
      network: 'Сервермен байланыс жоқ. Қайталап көріңіз.',
      refused: 'Сервер сұрауды қабылдамады ({{status}}).',
    },
  },
});
