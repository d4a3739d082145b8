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
          aria-label={t(`language.${lang}`)}
          lang={lang}
          onClick={() => setLanguage(lang)}
        >
          {/* Below a laptop's width the short name, so the switch stays one row (styles.css). */}
          <span className="lang-full">{t(`language.${lang}`)}</span>
          <span className="lang-short" aria-hidden="true">
            {t(`languageShort.${lang}`)}
          </span>
        </button>
      ))}
    </nav>
  );
}
