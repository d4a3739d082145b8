import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar } from 'react-chartjs-2';
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { getGradeScale, getRegion, type AnnualReport, type AnnualReportReply } from '@ashyq/shared';
import { currentAcademicYear } from './session-draft';
import { gradeDistribution, percentText } from './view';
import { RegionOptions } from '../app/RegionOptions';
import { ErrorReport } from '../lib/errors';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';
import { useLanguage } from '../lib/language';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * The annual report (due 30 June) over the signed-in account's scope: demo exams held, students,
 * pass rate, the grade distribution, and the share of colleges against the 60/80/100 % targets.
 */
export function ReportPage() {
  const { t } = useTranslation('exam');
  const [year, setYear] = useState(() => currentAcademicYear(new Date()));
  const [regionId, setRegionId] = useState('');
  const valid = /^\d{4}-\d{4}$/.test(year);
  const query = new URLSearchParams({
    academicYear: year,
    ...(regionId ? { regionId } : {}),
  }).toString();
  const [loaded] = useResource<AnnualReportReply>(valid ? `/api/exam/report?${query}` : null, {
    signIn: '/login',
  });
  const lang = useLanguage();

  return (
    <main>
      <div className="exam-heading">
        <h1>{t('report.title')}</h1>
        <label className="exam-field exam-inline">
          <span>{t('document.academicYear')}</span>
          <input name="academicYear" value={year} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label className="exam-field exam-inline">
          <span>{t('report.column.region')}</span>
          <select name="regionId" value={regionId} onChange={(e) => setRegionId(e.target.value)}>
            <option value="">{t('office.report.allRegions')}</option>
            <RegionOptions lang={lang} />
          </select>
        </label>
        <a className="exam-button" href={`/api/exam/report.xlsx?${query}`} download>
          {t('office.report.xlsx')}
        </a>
      </div>
      {loaded.state === 'failed' && <ErrorReport error={loaded.error} />}
      {loaded.state === 'ready' && <ReportBody report={loaded.data.report} lang={lang} />}
    </main>
  );
}

function ReportBody({ report, lang }: { report: AnnualReport; lang: 'kk' | 'ru' | 'en' }) {
  const { t } = useTranslation('exam');
  const share = report.collegeShare;
  const scales = Object.keys(report.totals.grades);
  return (
    <>
      <p className={`exam-state exam-state-${report.state}`}>
        {t(`report.state.${report.state}`)} · {t('report.column.deadline')}:{' '}
        {report.deadline.split('-').reverse().join('.')}
        {report.state !== 'closed' &&
          ` · ${t('office.report.daysLeft', { count: report.daysLeft })}`}
      </p>
      <dl className="exam-figures">
        <div>
          <dt>{t('report.column.examsHeld')}</dt>
          <dd>{report.totals.examsHeld}</dd>
        </div>
        <div>
          <dt>{t('report.column.studentsExamined')}</dt>
          <dd>{report.totals.studentsExamined}</dd>
        </div>
        <div>
          <dt>{t('report.column.passRate')}</dt>
          <dd>{percentText(report.totals.passRate, lang)}</dd>
        </div>
        <div>
          <dt>{t('report.column.sharePercent')}</dt>
          <dd>
            {percentText(share.percent, lang)}
            <small>
              {' '}
              ({share.ran} / {share.total}
              {share.target !== null && ` · ${t('report.column.shareTarget')}: ${share.target}`})
            </small>
          </dd>
        </div>
      </dl>
      {share.meetsTarget === false && (
        <p className="exam-warning">{t('office.report.belowTarget', { target: share.target })}</p>
      )}
      {scales.length === 0 && <p>{t('office.report.noExams')}</p>}
      {scales.map((scaleId) => {
        const scale = getGradeScale(scaleId);
        if (!scale) return null;
        const data = gradeDistribution(
          report.totals.grades,
          scaleId,
          scale.bands.map((band) => band.label),
        );
        return (
          <figure key={scaleId} className="exam-chart">
            <figcaption>
              {t('document.byGrade')} · {t(`grades:scale.${scaleId}`)}
            </figcaption>
            <div className="exam-chart-canvas">
              <Bar
                aria-label={t('document.byGrade')}
                data={{
                  labels: data.labels,
                  datasets: [
                    { label: t('document.byGrade'), data: data.counts, backgroundColor: '#1f8a70' },
                  ],
                }}
                options={{
                  animation: false,
                  maintainAspectRatio: false,
                  plugins: { legend: { display: false } },
                  scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
                }}
              />
            </div>
          </figure>
        );
      })}
      <h2>{t('report.sheet.specialties')}</h2>
      {/* Focusable: on a phone it scrolls sideways in its box, by keyboard too. */}
      <table className="exam-table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('report.column.specialty')}</th>
            <th>{t('report.column.qualification')}</th>
            <th className="num">{t('report.column.examsHeld')}</th>
            <th className="num">{t('report.column.studentsExamined')}</th>
            <th className="num">{t('report.column.passRate')}</th>
          </tr>
        </thead>
        <tbody>
          {report.bySpecialty.map((row) => (
            <tr key={`${row.specialty.code}|${row.qualification.code}`}>
              <td>
                {row.specialty.code} {localized(row.specialty.name, lang)}
              </td>
              <td>
                {row.qualification.code} {localized(row.qualification.name, lang)}
              </td>
              <td className="num">{row.examsHeld}</td>
              <td className="num">{row.studentsExamined}</td>
              <td className="num">{percentText(row.passRate, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('report.sheet.colleges')}</h2>
      {/* Focusable: on a phone it scrolls sideways in its box, by keyboard too. */}
      <table className="exam-table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('report.column.college')}</th>
            <th>{t('report.column.region')}</th>
            <th className="num">{t('report.column.examsHeld')}</th>
            <th className="num">{t('report.column.studentsExamined')}</th>
            <th className="num">{t('report.column.passRate')}</th>
            <th className="num">{t('report.column.incomplete')}</th>
          </tr>
        </thead>
        <tbody>
          {report.byCollege.map((row) => (
            <tr key={row.collegeId}>
              <td>{row.name ? localized(row.name, lang) : row.collegeId}</td>
              <td>{getRegion(row.regionId)?.name[lang] ?? row.regionId}</td>
              <td className="num">{row.examsHeld}</td>
              <td className="num">{row.studentsExamined}</td>
              <td className="num">{percentText(row.passRate, lang)}</td>
              <td className="num">{row.incompleteExams}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
