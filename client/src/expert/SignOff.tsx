import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOffReplySchema } from '@ashyq/shared';
import { apiRequest } from '../lib/http';
import { refusal } from '../lib/errors';
import type { Lock } from './view';

const pinLength = 6;

/**
 * A locked sub-criterion: marks can no longer be entered, and each expert of the marking team
 * signs it off with its own PIN (the signature is the expert's, not the tablet's session). Online
 * only: the server checks the PIN. Its refusal is shown in the expert's language.
 */
export function SignOff({
  lock,
  expertId,
  online,
  onLocks,
}: {
  lock: Lock;
  expertId: string;
  online: boolean;
  onLocks: (locks: Lock[]) => void;
}) {
  const { t } = useTranslation('expert');
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = lock.signOffs.some((signOff) => signOff.expert === expertId);

  async function signOff() {
    setBusy(true);
    setError(null);
    try {
      const { locks } = await apiRequest(
        'POST',
        `/api/expert/sign-off/${encodeURIComponent(lock.subCriterion)}`,
        { pin },
        signOffReplySchema,
      );
      onLocks(locks);
      setOpen(false);
    } catch (failure) {
      setError(refusal(failure, t('signOff.failed')));
    } finally {
      setPin('');
      setBusy(false);
    }
  }

  return (
    <div className="locked">
      <p>{t('app.locked')}</p>
      {signed ? (
        <p className="signed-off">{t('app.signedOff')}</p>
      ) : !open ? (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('app.signOff', { subCriterion: lock.subCriterion })}
        </button>
      ) : (
        <section className="pin-pad" aria-label={t('signOff.title')}>
          <h3>{t('signOff.title')}</h3>
          <p className="pin-dots" aria-label={t('signOff.entered', { count: pin.length })}>
            {Array.from({ length: pinLength }, (_, i) => (
              <span key={i} className={i < pin.length ? 'filled' : ''} />
            ))}
          </p>
          <div className="pin-keys">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
              <PinKey key={digit} digit={digit} pin={pin} onPin={setPin} />
            ))}
            <button
              type="button"
              aria-label={t('signOff.erase')}
              disabled={pin.length === 0}
              onClick={() => setPin((entered) => entered.slice(0, -1))}
            >
              ⌫
            </button>
            <PinKey digit="0" pin={pin} onPin={setPin} />
            <button
              type="button"
              className="primary"
              disabled={busy || !online || pin.length !== pinLength}
              onClick={() => void signOff()}
            >
              {t('signOff.submit')}
            </button>
          </div>
          {!online && <p className="hint">{t('signOff.offline')}</p>}
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setPin('');
              setError(null);
            }}
          >
            {t('signOff.cancel')}
          </button>
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A digit key; taps faster than a render still each add their digit, up to the PIN's length. */
function PinKey({
  digit,
  pin,
  onPin,
}: {
  digit: string;
  pin: string;
  onPin: (update: (pin: string) => string) => void;
}) {
  return (
    <button
      type="button"
      disabled={pin.length >= pinLength}
      onClick={() => onPin((entered) => (entered.length < pinLength ? entered + digit : entered))}
    >
      {digit}
    </button>
  );
}
