import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Health = 'checking' | 'ok' | 'down';

/** A small indicator in the top bar: is the server reachable? Re-checked every 30 s. */
export function HomeStatus() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<Health>('checking');

  useEffect(() => {
    const check = () =>
      fetch('/api/health')
        .then((res) => setHealth(res.ok ? 'ok' : 'down'))
        .catch(() => setHealth('down'));
    void check();
    const timer = setInterval(check, 30_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <span className={`health health-${health}`} role="status" title={t(`health.${health}`)}>
      ● {t(`health.${health}`)}
    </span>
  );
}
