import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { HomePage } from '../pages/HomePage';

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <LanguageSwitcher />
      </header>
      <HomePage />
    </>
  );
}
