import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fullName,
  maskIin,
  summarize,
  type ExamAttendance,
  type ExamSession,
  type StudentResult,
} from '@ashyq/shared';
import { ErrorReport, useAdmin } from '../organiser/api';
import { sessionUrl, type ResultsReply } from './api';
import { percentText } from './view';
import { apiRequest } from '../api';

/**
 * Results per student as the protocol prints them: points per criterion, total, percent, letter,
 * GPA, the traditional grade in kk and ru, and the outcome. Attendance (absent, removed) is set
 * here; marks come from the commission's tablets.
 */
export function ResultsTable({ session }: { session: ExamSession }) {
  const { t, i18n } = useTranslation('exam');
  const [loaded, reload] = useAdmin<ResultsReply>(`${sessionUrl(session.id)}/results`);
  const [error, setError] = useState<unknown>(null);
  const kk = i18n.getFixedT('kk', 'grades');
  const ru = i18n.getFixedT('ru', 'grades');
  const locale = i18n.language === 'en' ? 'en' : `${i18n.language}-KZ`;

  async function setAttendance(result: StudentResult, attendance: ExamAttendance) {
    setError(null);
    try {
      await apiRequest(
        'PUT',
        `${sessionUrl(session.id)}/students/${encodeURIComponent(result.student.id)}/attendance`,
        { attendance },
      );
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
          ` · ${t('document.average')}: ${percentText(summary.averagePoints, locale)} / ${percentText(summary.averagePercent, locale)} %`}
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
                      ? percentText(result.criteria[criterion.id], locale)
                      : '—'}
                  </td>
                ))}
                <td className="num">
                  {result.attendance === 'present' ? percentText(result.total, locale) : '—'}
                </td>
                <td className="num">{percentText(result.percent, locale)}</td>
                <td>{result.grade?.label ?? '—'}</td>
                <td className="num">{percentText(result.grade?.gpa, locale)}</td>
                <td className="exam-traditional">
                  {traditional(result, kk)}
                  <br />
                  {traditional(result, ru)}
                </td>
                <td>{t(`grades:result.${result.outcome}`)}</td>
                <td>
                  <select
                    aria-label={`${t('office.results.attendance')} ${index + 1}`}
                    value={result.attendance}
                    onChange={(e) => void setAttendance(result, e.target.value as ExamAttendance)}
                  >
                    <option value="present">{t('office.results.present')}</option>
                    <option value="absent">{t('document.absent')}</option>
                    <option value="removed">{t('document.removed')}</option>
                  </select>
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
