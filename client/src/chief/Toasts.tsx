import { useTranslation } from 'react-i18next';
import type { DiscrepancyAlert } from './types';
import type { Names } from './view';

/** Discrepancy alerts as they happen, newest first, until the chief dismisses or opens them. */
export function Toasts({
  alerts,
  names,
  onDismiss,
  onOpen,
}: {
  alerts: DiscrepancyAlert[];
  names: Names;
  onDismiss: (alert: DiscrepancyAlert) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation('chief');
  return (
    <div className="toasts" aria-live="assertive">
      {alerts.slice(0, 3).map((alert) => (
        <div key={`${alert.receivedAt}|${alert.competitor}|${alert.aspect}`} className="toast">
          <p>
            <strong>{t('alerts.discrepancy')}</strong>{' '}
            {t('alerts.text', {
              competitor: names.competitor(alert.competitor),
              aspect: alert.aspect,
              spread: alert.spread,
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                onDismiss(alert);
                onOpen();
              }}
            >
              {t('alerts.open')}
            </button>
            <button type="button" onClick={() => onDismiss(alert)} aria-label={t('alerts.dismiss')}>
              ✕
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
