import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Health = 'checking' | 'ok' | 'down';

export function HomePage() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<Health>('checking');

  useEffect(() => {
    fetch('/api/health')
      .then((res) => setHealth(res.ok ? 'ok' : 'down'))
      .catch(() => setHealth('down'));
  }, []);

  return (
    <main className="home">
      <h1>{t('appName')}</h1>
      <p className="tagline">{t('tagline')}</p>
      <p className={`health health-${health}`} role="status">
        {t(`health.${health}`)}
      </p>
    </main>
  );
}
