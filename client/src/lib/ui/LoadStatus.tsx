import { useTranslation } from 'react-i18next';
import type { Loaded } from '../resource';

/**
 * The loading and failure states every page shares; renders nothing once data is ready.
 * `failed` names what could not be loaded (the app's own words); by default the board's.
 */
export function LoadStatus({
  loaded,
  notFoundKey,
  failed,
  className,
}: {
  loaded: Loaded<unknown>;
  notFoundKey?: string;
  failed?: string;
  className?: string;
}) {
  const { t } = useTranslation('board');
  if (loaded.state === 'loading')
    return (
      <p className={className} role="status">
        {t('loading')}
      </p>
    );
  if (loaded.state === 'failed') {
    const notFound = loaded.status === 404 && notFoundKey;
    return (
      <p className={className} role="alert">
        {notFound ? t(notFoundKey) : (failed ?? t('loadFailed'))}
      </p>
    );
  }
  return null;
}

/** Whole percent, rounded down: a board says 100 % only when everything is marked. */
export function progressPercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part / whole) * 100);
}
