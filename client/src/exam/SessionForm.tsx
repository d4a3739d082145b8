import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  getRegion,
  gradeScaleIds,
  sessionMaxPoints,
  type SessionIssuer,
  type ExamSessionReply,
  type ExamCollegeReply,
  type ExamSessionsReply,
} from '@ashyq/shared';
import { sessionUrl } from './api';
import { SchemePicker } from './SchemePicker';
import { draftOf, emptyDraft, inputOf, withStart, type SessionDraft } from './session-draft';
import { codeReasons } from './view';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { useLanguage } from '../lib/language';

/** Creates a session (no `existing`) or edits one; the commission and students have their tabs. */
export function SessionForm({
  existing,
  onSaved,
}: {
  existing?: ExamSessionReply;
  onSaved?: (saved: ExamSessionReply) => void;
}) {
  const { t } = useTranslation('exam');
  const lang = useLanguage();
  const navigate = useNavigate();
  const [listed] = useResource<ExamSessionsReply>('/api/exam/sessions', {
    signIn: '/login',
  });
  const [draft, setDraft] = useState<SessionDraft>(() =>
    existing ? draftOf(existing.session) : emptyDraft(new Date()),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // The college whose documents these are: the session's, or for a new one the account's.
  const [ownCollege] = useResource<ExamCollegeReply>(existing ? null : '/api/exam/college', {
    signIn: '/login',
  });
  const issuer: SessionIssuer | undefined = existing
    ? existing.session
    : ownCollege.state === 'ready'
      ? ownCollege.data
      : undefined;

  const [yearTyped, setYearTyped] = useState(existing !== undefined);
  const set =
    <K extends keyof SessionDraft>(key: K) =>
    (value: SessionDraft[K]) => {
      setSaved(false);
      if (key === 'academicYear') setYearTyped(true);
      setDraft((current) =>
        key === 'startsAt'
          ? withStart(current, value as string, yearTyped)
          : { ...current, [key]: value },
      );
    };
  const codes = codeReasons(draft.specialtyCode, draft.qualificationCode, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = inputOf(draft);
      if (existing) {
        const reply = await apiRequest<ExamSessionReply>(
          'PUT',
          sessionUrl(existing.session.id),
          body,
        );
        setSaved(true);
        onSaved?.(reply);
      } else {
        const reply = await apiRequest<ExamSessionReply>('POST', '/api/exam/sessions', body);
        void navigate(`/exam/sessions/${reply.session.id}/commission`);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const text = (key: keyof SessionDraft, label: string, extra: Partial<InputProps> = {}) => (
    <Field label={label} reason={extra.reason}>
      <input
        name={key}
        type={extra.type ?? 'text'}
        value={draft[key] as string}
        onChange={(e) => set(key)(e.target.value as never)}
        aria-invalid={extra.reason ? true : undefined}
        required={extra.required ?? true}
        inputMode={extra.inputMode}
      />
    </Field>
  );

  return (
    <main>
      {!existing && <h1>{t('office.form.createTitle')}</h1>}
      <form className="exam-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('office.form.college')}</legend>
          {issuer && (
            <dl className="exam-issuer">
              <dt>{t('office.form.nameKk')}</dt>
              <dd>{issuer.college.name.kk}</dd>
              <dt>{t('office.form.nameRu')}</dt>
              <dd>{issuer.college.name.ru}</dd>
              <dt>{t('office.form.bin')}</dt>
              <dd>{issuer.college.bin}</dd>
              <dt>{t('office.form.region')}</dt>
              <dd>{getRegion(issuer.regionId)?.name[lang] ?? issuer.regionId}</dd>
            </dl>
          )}
          {ownCollege.state === 'failed' && <ErrorReport error={ownCollege.error} />}
          <p className="exam-hint">{t('office.form.collegeHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('office.form.exam')}</legend>
          {text('academicYear', t('office.form.academicYear'))}
          <Field label={t('office.form.examType')}>
            <select
              name="examType"
              value={draft.examType}
              onChange={(e) => set('examType')(e.target.value as SessionDraft['examType'])}
            >
              <option value="intermediate">{t('examType.intermediate')}</option>
              <option value="final">{t('examType.final')}</option>
            </select>
          </Field>
          {text('protocolNumber', t('office.form.protocolNumber'), { required: false })}
          {text('groups', t('office.form.groups'))}
          {text('site', t('office.form.site'))}
          {text('startsAt', t('office.form.startsAt'), { type: 'datetime-local' })}
          {text('endsAt', t('office.form.endsAt'), { type: 'datetime-local' })}
        </fieldset>
        <fieldset className="exam-codes">
          <legend>{t('office.form.specialty')}</legend>
          {text('specialtyCode', t('office.form.specialtyCode'), { reason: codes.specialty })}
          {text('specialtyKk', t('office.form.nameKk'))}
          {text('specialtyRu', t('office.form.nameRu'))}
          {text('qualificationCode', t('office.form.qualificationCode'), {
            reason: codes.qualification,
          })}
          {text('qualificationKk', t('office.form.nameKk'))}
          {text('qualificationRu', t('office.form.nameRu'))}
          <p className="exam-hint">{t('office.form.codesHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('office.form.task')}</legend>
          {text('taskKk', t('office.form.nameKk'))}
          {text('taskRu', t('office.form.nameRu'))}
          {text('variants', t('office.form.variants'), { type: 'number' })}
          <SchemePicker
            scheme={draft.scheme}
            sessions={listed.state === 'ready' ? listed.data.sessions : []}
            onPick={set('scheme')}
          />
          {draft.scheme && (
            <p className="exam-hint">
              {t('office.form.schemeSummary', {
                criteria: draft.scheme.criteria.length,
                max: sessionMaxPoints({ scheme: draft.scheme }),
              })}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('office.form.grading')}</legend>
          <Field label={t('office.form.scale')}>
            <select
              name="gradeScaleId"
              value={draft.gradeScaleId}
              onChange={(e) => set('gradeScaleId')(e.target.value as SessionDraft['gradeScaleId'])}
            >
              {gradeScaleIds.map((id) => (
                <option key={id} value={id}>
                  {t(`grades:scale.${id}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('grades:setting.cPlusTraditional')}>
            <select
              name="cPlusTraditional"
              value={draft.cPlusTraditional}
              onChange={(e) =>
                set('cPlusTraditional')(e.target.value as SessionDraft['cPlusTraditional'])
              }
            >
              <option value="">{t('office.form.scaleDefault')}</option>
              <option value="satisfactory">{t('grades:traditional.satisfactory')}</option>
              <option value="good">{t('grades:traditional.good')}</option>
            </select>
          </Field>
          {text('passPercent', t('grades:setting.passPercent'), {
            type: 'number',
            required: false,
          })}
        </fieldset>
        <ErrorReport error={error} />
        {saved && <p role="status">{t('office.saved')}</p>}
        <button type="submit" className="exam-button primary" disabled={busy}>
          {existing ? t('office.form.save') : t('office.form.create')}
        </button>
      </form>
    </main>
  );
}

interface InputProps {
  type: string;
  reason: string | null;
  required: boolean;
  inputMode: 'numeric';
}

/** A labelled input with the reason it is refused, read out with it (aria-describedby-less). */
function Field({
  label,
  reason,
  children,
}: {
  label: string;
  reason?: string | null | undefined;
  children: ReactNode;
}) {
  return (
    <label className="exam-field">
      <span>{label}</span>
      {children}
      {reason && (
        <span className="exam-reason" role="alert">
          {reason}
        </span>
      )}
    </label>
  );
}
