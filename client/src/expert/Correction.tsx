import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aspect, MarkValue } from '@ashyq/shared';
import { correctionReplySchema } from '@ashyq/shared';
import { apiRequest } from '../lib/http';
import { refusal } from '../lib/errors';
import { MarkEntry } from './MarkEntry';
import { newMarkId, type MarkInput } from './queue';
import { shortValue, type CellMark } from './view';

/**
 * Corrects a saved measurement mark: a new mark that supersedes it on the server, with a reason
 * (POST /api/expert/corrections; both stay in the log). Online only, unlike marks: a correction
 * names the mark it replaces, so the server must check it against what it holds now (another
 * expert of the team may have changed the cell, the chief may lock it); queued for later it could
 * be refused when nobody is there to decide. The new mark's id is kept while its value stays the
 * same, so a retry after a lost answer counts once.
 */
export function Correction({
  aspect,
  competitor,
  cell,
  online,
  onSaved,
  onClose,
}: {
  aspect: Aspect;
  competitor: string;
  cell: CellMark;
  online: boolean;
  onSaved: (mark: MarkInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(['expert', 'scoring']);
  const [choice, setChoice] = useState<{ id: string; value: MarkValue } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = choice !== null && reason.trim() !== '' && online && !busy;

  async function submit() {
    if (!choice) return;
    const mark: MarkInput = { id: choice.id, competitor, aspect: aspect.code, value: choice.value };
    setBusy(true);
    setError(null);
    try {
      const { result } = await apiRequest(
        'POST',
        '/api/expert/corrections',
        { markId: cell.id, mark, reason: reason.trim() },
        correctionReplySchema,
      );
      if (result.status === 'rejected')
        setError(t(`scoring:reason.${result.reason ?? 'unknown'}`, result.params));
      else {
        onSaved(mark);
        onClose();
      }
    } catch (failure) {
      setError(refusal(failure, t('correction.failed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="correction" aria-label={t('correction.title')}>
      <h3>{t('correction.title')}</h3>
      <p>
        {t('correction.current', { value: shortValue(aspect, cell.value) })}
        {choice && <strong> → {shortValue(aspect, choice.value)}</strong>}
      </p>
      <MarkEntry
        aspect={aspect}
        onSave={(value) => setChoice({ id: newMarkId(), value })}
        measuredLabel={t('correction.useValue')}
      />
      <label>
        {t('correction.reason')}
        <textarea
          name="reason"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {!online && <p className="hint">{t('correction.offline')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => void submit()}>
          {t('correction.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('correction.cancel')}
        </button>
      </div>
    </section>
  );
}
