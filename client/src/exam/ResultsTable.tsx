import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fullName,
  maskIin,
  summarize,
  type ExamAttendance,
  type ExamSession,
  type StudentResult,
  type ExamResultsReply,
} from '@ashyq/shared';
import { sessionUrl } from './api';
import { percentText } from './view';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { useLanguage } from '../lib/language';

/**
 * Results per student as the protocol prints them: points per criterion, total, percent, letter,
 * GPA, the traditional grade in kk and ru, and the outcome. Attendance (absent, removed) is set
 * here; marks come from the commission's tablets.
 */
export function ResultsTable({ session }: { session: ExamSession }) {
  const { t, i18n } = useTranslation('exam');
  const [loaded, reload] = useResource<ExamResultsReply>(`${sessionUrl(session.id)}/results`, {
    signIn: '/login',
  });
  const [error, setError] = useState<unknown>(null);
  /** An absence or removal being entered, with the reason the protocol's remarks will print. */
  const [pending, setPending] = useState<{
    student: string;
    attendance: ExamAttendance;
    reason: string;
  } | null>(null);
  const kk = i18n.getFixedT('kk', 'grades');
  const ru = i18n.getFixedT('ru', 'grades');
  const language = useLanguage();

  async function setAttendance(student: string, attendance: ExamAttendance, reason = '') {
    setError(null);
    try {
      await apiRequest(
        'PUT',
        `${sessionUrl(session.id)}/students/${encodeURIComponent(student)}/attendance`,
        { attendance, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      );
      setPending(null);
      reload();
    } catch (failure) {
      setError(failure);
    }
  }

  if (loaded.state === 'loading') return <p>{t('office.loading')}</p>;
  if (loaded.state === 'failed') return <ErrorReport error={loaded.error} />;
  const { results } = loaded.data;
  // One group is in the page's subtitle already; the column is kept for several.
  const manyGroups = session.groups.length > 1;
  const summary = summarize(session, results);
  const traditional = (result: StudentResult, lang: typeof kk) =>
    result.grade
      ? lang(`traditional.${result.grade.traditional}`)
      : lang(`result.${result.outcome}`);

  return (
    <section>
      <h2>{t('office.results.title')}</h2>
      <p className="exam-summary">
        {t('office.results.summary', {
          admitted: summary.admitted,
          sat: summary.sat,
          passed: summary.passed,
          absent: summary.absent,
          removed: summary.removed,
        })}
        {summary.averagePercent !== null &&
          ` · ${t('document.average')}: ${percentText(summary.averagePoints, language)} / ${percentText(summary.averagePercent, language)} %`}
      </p>
      <ErrorReport error={error} />
      <div className="exam-scroll">
        <table className="exam-table exam-results">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('document.fullName')}</th>
              <th>{t('document.iin')}</th>
              {manyGroups && <th>{t('document.group')}</th>}
              {session.scheme.criteria.map((criterion) => (
                <th key={criterion.id} title={criterion.name} className="num">
                  {criterion.id}
                </th>
              ))}
              <th className="num">{t('document.total')}</th>
              <th className="num">{t('document.percent')}</th>
              <th>{t('document.letter')}</th>
              <th className="num">{t('document.gpa')}</th>
              <th>
                {t('office.results.traditionalKk')}
                <br />
                {t('office.results.traditionalRu')}
              </th>
              <th>{t('document.outcome')}</th>
              <th>{t('office.results.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result, index) => (
              <tr key={result.student.id} className={`exam-outcome-${result.outcome}`}>
                <td className="num">{index + 1}</td>
                <td>
                  {fullName(result.student.name)}
                  {!result.complete && result.attendance === 'present' && (
                    <span className="exam-provisional" title={t('document.provisional')}>
                      {' '}
                      *
                    </span>
                  )}
                </td>
                <td className="exam-iin">{maskIin(result.student.iin)}</td>
                {manyGroups && <td>{result.student.group}</td>}
                {session.scheme.criteria.map((criterion) => (
                  <td key={criterion.id} className="num">
                    {result.attendance === 'present'
                      ? percentText(result.criteria[criterion.id], language)
                      : '—'}
                  </td>
                ))}
                <td className="num">
                  {result.attendance === 'present' ? percentText(result.total, language) : '—'}
                </td>
                <td className="num">{percentText(result.percent, language)}</td>
                <td>{result.grade?.label ?? '—'}</td>
                <td className="num">{percentText(result.grade?.gpa, language)}</td>
                <td className="exam-traditional">
                  {traditional(result, kk)}
                  <br />
                  {traditional(result, ru)}
                </td>
                <td>{t(`grades:result.${result.outcome}`)}</td>
                <td>
                  <select
                    aria-label={`${t('office.results.attendance')} ${index + 1}`}
                    value={
                      pending?.student === result.student.id
                        ? pending.attendance
                        : result.attendance
                    }
                    onChange={(e) => {
                      const attendance = e.target.value as ExamAttendance;
                      // Back to present needs no reason; an absence or removal asks for one.
                      if (attendance === 'present')
                        void setAttendance(result.student.id, attendance);
                      else setPending({ student: result.student.id, attendance, reason: '' });
                    }}
                  >
                    <option value="present">{t('office.results.present')}</option>
                    <option value="absent">{t('office.results.absent')}</option>
                    <option value="removed">{t('office.results.removed')}</option>
                  </select>
                  {pending?.student === result.student.id && (
                    <form
                      className="exam-attendance-reason"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void setAttendance(pending.student, pending.attendance, pending.reason);
                      }}
                    >
                      <label>
                        {t('office.results.reason')}
                        <input
                          value={pending.reason}
                          maxLength={300}
                          onChange={(e) => setPending({ ...pending, reason: e.target.value })}
                        />
                      </label>
                      <button type="submit">{t('office.results.save')}</button>
                      <button type="button" onClick={() => setPending(null)}>
                        {t('office.results.cancel')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {results.some((result) => !result.complete && result.attendance === 'present') && (
        <p className="exam-hint">* {t('document.provisional')}</p>
      )}
    </section>
  );
}
