import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ExamSchemeImportReply,
  type ExamSessionReply,
  type ListedExamSession,
  type MarkingScheme,
} from '@ashyq/shared';
import { sessionUrl } from './api';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { FilePicker } from '../lib/ui/FilePicker';

/**
 * The task's marking scheme: read from a CIS workbook (checked by the server, nothing stored
 * until the session is saved) or reused from an earlier session of the college.
 */
export function SchemePicker({
  scheme,
  sessions,
  onPick,
}: {
  scheme: MarkingScheme | null;
  sessions: readonly ListedExamSession[];
  onPick: (scheme: MarkingScheme) => void;
}) {
  const { t } = useTranslation('exam');
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<ExamSchemeImportReply['warnings']>([]);
  const [busy, setBusy] = useState(false);

  async function run(load: () => Promise<MarkingScheme>) {
    setBusy(true);
    setError(null);
    setWarnings([]);
    try {
      onPick(await load());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fromWorkbook = (file: File) =>
    run(async () => {
      const reply = await apiRequest<ExamSchemeImportReply>(
        'POST',
        '/api/exam/scheme/import',
        file,
      );
      setWarnings(reply.warnings);
      return reply.scheme;
    });
  const fromSession = (id: string) =>
    run(async () => (await apiRequest<ExamSessionReply>('GET', sessionUrl(id))).session.scheme);

  return (
    <div className="exam-scheme">
      <p className="exam-scheme-current">
        {t('office.form.scheme')}{' '}
        {scheme ? (
          <strong>
            {scheme.skill.number} {scheme.skill.name}
          </strong>
        ) : (
          <em>{t('office.form.noScheme')}</em>
        )}
      </p>
      <FilePicker
        className="exam-field"
        label={t('office.form.schemeWorkbook')}
        name="schemeWorkbook"
        accept=".xlsx"
        disabled={busy}
        onFile={(file) => file && void fromWorkbook(file)}
      />
      {sessions.length > 0 && (
        <label className="exam-field">
          <span>{t('office.form.schemeReuse')}</span>
          <select
            name="schemeFrom"
            value=""
            disabled={busy}
            onChange={(e) => e.target.value && void fromSession(e.target.value)}
          >
            <option value="">—</option>
            {sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.protocolNumber ?? session.id} · {session.qualification.code} ·{' '}
                {session.groups.join(', ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorReport error={error} />
      {warnings.length > 0 && (
        <ul className="exam-warnings">
          {warnings.map((warning, i) => (
            <li key={i}>
              <strong>{[warning.sheet, warning.cell].filter(Boolean).join('!')}</strong>:{' '}
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
