import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lock } from './view';

/**
 * A locked sub-criterion: marks can no longer be entered, and each expert of the marking team
 * signs it off. The server decides who may; its refusal is shown in the expert's language.
 */
export function SignOff({
  lock,
  expertId,
  onLocks,
}: {
  lock: Lock;
  expertId: string;
  onLocks: (locks: Lock[]) => void;
}) {
  const { t } = useTranslation('expert');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = lock.signOffs.some((signOff) => signOff.expert === expertId);

  async function signOff() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/expert/sign-off/${encodeURIComponent(lock.subCriterion)}`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      const body = (await res.json().catch(() => null)) as {
        locks?: Lock[];
        error?: { message?: string };
      } | null;
      if (res.ok && body?.locks) onLocks(body.locks);
      else setError(body?.error?.message ?? t('app.signOffFailed'));
    } catch {
      setError(t('app.signOffFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="locked">
      <p>{t('app.locked')}</p>
      {signed ? (
        <p className="signed-off">{t('app.signedOff')}</p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void signOff()}>
          {t('app.signOff', { subCriterion: lock.subCriterion })}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
