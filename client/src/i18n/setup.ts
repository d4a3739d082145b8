import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, resources, type Language } from '@ashyq/shared';

const storageKey = 'ashyq.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : defaultLanguage;
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export async function setupI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: defaultLanguage,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
}
