import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Health = 'checking' | 'ok' | 'down';

/**
 * A small indicator in the top bar: is the server reachable? Re-checked every 30 s and whenever
 * the device goes on or off line (a tablet losing Wi-Fi must not keep showing "running").
 */
export function HomeStatus() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<Health>('checking');

  useEffect(() => {
    const check = () =>
      fetch('/api/health')
        .then((res) => setHealth(res.ok ? 'ok' : 'down'))
        .catch(() => setHealth('down'));
    const offline = () => setHealth('down');
    void check();
    const timer = setInterval(check, 30_000);
    window.addEventListener('online', check);
    window.addEventListener('offline', offline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', check);
      window.removeEventListener('offline', offline);
    };
  }, []);

  return (
    <span className={`health health-${health}`} role="status" title={t(`health.${health}`)}>
      <span aria-hidden="true">●</span>{' '}
      {/* On a phone only the dot shows; its words stay for screen readers (styles.css). */}
      <span className="health-text">{t(`health.${health}`)}</span>
    </span>
  );
}
