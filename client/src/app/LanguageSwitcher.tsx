import { useTranslation } from 'react-i18next';
import { languages, type Language } from '@ashyq/shared';
import { setLanguage } from '../i18n/setup';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="languages" aria-label={t('language.label')}>
      {languages.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </nav>
  );
}
