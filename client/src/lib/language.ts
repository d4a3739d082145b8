import { isLanguage, type Language } from '@ashyq/shared';
import { useTranslation } from 'react-i18next';

/** The interface's language; Russian while i18next reports a tag outside kk/ru/en. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'ru';
}
