import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  almatyStamp,
  type Competition,
  type MarkingScheme,
  type SchemeEdit,
  type SchemeEditInput,
  type SchemeEditReply,
} from '@ashyq/shared';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';

type Draft = Record<string, string>;

/** Field keys of the draft: `c:A:name`, `c:A:max`, `s:A1:name`, `a:A1.M1:description`, `a:A1.M1:max`. */
function draftOf(scheme: MarkingScheme): Draft {
  const draft: Draft = {};
  for (const criterion of scheme.criteria) {
    draft[`c:${criterion.id}:name`] = criterion.name;
    draft[`c:${criterion.id}:max`] = String(criterion.maxMark);
    for (const sub of criterion.subCriteria) {
      draft[`s:${sub.id}:name`] = sub.name;
      for (const aspect of sub.aspects) {
        draft[`a:${aspect.code}:description`] = aspect.description;
        draft[`a:${aspect.code}:max`] = String(aspect.maxMark);
      }
    }
  }
  return draft;
}

/** Only what changed goes to the server, so the version's history says what was meant. */
function editsOf(original: Draft, draft: Draft): SchemeEdit[] {
  const edits: SchemeEdit[] = [];
  for (const [key, value] of Object.entries(draft)) {
    if (original[key] === value) continue;
    const [kind, id, field] = key.split(':') as [string, string, string];
    if (kind === 'c') {
      edits.push(
        field === 'name'
          ? { target: 'criterion', id, name: value }
          : { target: 'criterion', id, maxMark: Number(value) },
      );
    } else if (kind === 's') {
      edits.push({ target: 'subCriterion', id, name: value });
    } else {
      edits.push(
        field === 'description'
          ? { target: 'aspect', code: id, description: value }
          : { target: 'aspect', code: id, maxMark: Number(value) },
      );
    }
  }
  return edits;
}

/** The small edits the organiser may make without a new workbook; frozen rules are the server's. */
export function SchemeEditor({
  competition,
  onSaved,
}: {
  competition: Competition & { scheme: MarkingScheme };
  onSaved: () => void;
}) {
  const { t } = useTranslation('organiser');
  const original = draftOf(competition.scheme);
  const [draft, setDraft] = useState(original);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A new version (an edit saved, a workbook accepted) is the new starting point of the form.
  useEffect(() => setDraft(draftOf(competition.scheme)), [competition.scheme]);
  const input = (key: string, label: string, number = false) => (
    <input
      aria-label={label}
      className={number ? 'org-number' : ''}
      type={number ? 'number' : 'text'}
      step={number ? '0.05' : undefined}
      value={draft[key] ?? ''}
      onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
    />
  );

  async function save() {
    setError(null);
    const edits = editsOf(original, draft);
    if (edits.length === 0) return setMessage(t('scheme.noChanges'));
    try {
      const body: SchemeEditInput = { edits, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      const reply = await apiRequest<SchemeEditReply>(
        'PATCH',
        `/api/organiser/competitions/${competition.id}/scheme`,
        body,
      );
      setMessage(t('scheme.edited', { version: reply.schemeVersion }));
      setReason('');
      onSaved();
    } catch (failure) {
      setMessage(null);
      setError(failure);
    }
  }

  return (
    <details className="org-scheme-editor">
      <summary>{t('scheme.edit')}</summary>
      <p className="org-muted">{t('scheme.editHint')}</p>
      <table className="org-table">
        <tbody>
          {competition.scheme.criteria.map((criterion) => [
            <tr key={criterion.id} className="org-criterion-row">
              <th>{criterion.id}</th>
              <td>{input(`c:${criterion.id}:name`, `${t('scheme.criterion')} ${criterion.id}`)}</td>
              <td>
                {input(`c:${criterion.id}:max`, `${t('scheme.maxMark')} ${criterion.id}`, true)}
              </td>
            </tr>,
            ...criterion.subCriteria.map((sub) => [
              <tr key={sub.id}>
                <th>{sub.id}</th>
                <td>{input(`s:${sub.id}:name`, `${t('scheme.subCriterion')} ${sub.id}`)}</td>
                <td />
              </tr>,
              ...sub.aspects.map((aspect) => (
                <tr key={aspect.code}>
                  <td>{aspect.code}</td>
                  <td>
                    {input(`a:${aspect.code}:description`, `${t('scheme.aspect')} ${aspect.code}`)}
                  </td>
                  <td>
                    {input(`a:${aspect.code}:max`, `${t('scheme.maxMark')} ${aspect.code}`, true)}
                  </td>
                </tr>
              )),
            ]),
          ])}
        </tbody>
      </table>
      <div className="org-form">
        <label>
          {t('scheme.editReason')}
          <input name="scheme-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => void save()}>
          {t('scheme.saveEdits')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <ErrorReport error={error} />
      {(competition.schemeEdits ?? []).length > 0 && (
        <ul className="org-muted">
          {competition.schemeEdits!.map((edit) => (
            <li key={edit.version}>
              {t('scheme.history', {
                version: edit.version,
                at: almatyStamp(edit.at),
                reason: edit.reason ?? '—',
              })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
