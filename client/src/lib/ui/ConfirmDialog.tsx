import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';

export interface ConfirmRequest {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  /** Ask for a reason: `required` where the server refuses the action without one. */
  reason?: 'required' | 'optional';
  danger?: boolean;
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  run: (reason: string) => Promise<void>;
}

/**
 * A modal confirmation for actions that are hard to undo (lock, unlock, absent, revoke...).
 * The confirm button stays disabled until a required reason is written, and the server's
 * refusal is shown in the dialog in the user's language.
 */
export function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest;
  onClose: () => void;
}) {
  const { t } = useTranslation('chief');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const missingReason = request.reason === 'required' && reason.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missingReason) return;
    setBusy(true);
    setError(null);
    try {
      await request.run(reason.trim());
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="chief-dialog"
      aria-labelledby="chief-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="chief-dialog-title">{request.title}</h2>
        {request.body && <div className="dialog-body">{request.body}</div>}
        {request.reason && (
          <label className="reason">
            {request.reason === 'required'
              ? t('dialog.reasonRequired')
              : t('dialog.reasonOptional')}
            <textarea
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={3}
              required={request.reason === 'required'}
              autoFocus
            />
          </label>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('dialog.cancel')}
          </button>
          <button
            type="submit"
            className={request.danger ? 'danger' : 'primary'}
            disabled={busy || missingReason}
          >
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
