import { useTranslation } from 'react-i18next';
import type { Loaded } from '../resource';

/** The loading and failure states every page shares; renders nothing once data is ready. */
export function LoadStatus({
  loaded,
  notFoundKey,
}: {
  loaded: Loaded<unknown>;
  notFoundKey?: string;
}) {
  const { t } = useTranslation('board');
  if (loaded.state === 'loading') return <p role="status">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    const key = loaded.status === 404 && notFoundKey ? notFoundKey : 'loadFailed';
    return <p role="alert">{t(key)}</p>;
  }
  return null;
}

/** Whole percent, rounded down: a board says 100 % only when everything is marked. */
export function progressPercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part / whole) * 100);
}
