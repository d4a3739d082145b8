import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMarks, type SchemeImportReply } from '@ashyq/shared';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { FilePicker } from '../lib/ui/FilePicker';
import { useLanguage } from '../lib/language';

/**
 * Upload a CIS workbook in two steps: the server checks it and returns its report (nothing is
 * kept), the organiser reads it, and only "Accept" stores the scheme.
 */
export function SchemeSection({
  competitionId,
  schemeVersion,
  hasScheme,
  onAccepted,
}: {
  competitionId: string;
  schemeVersion: number;
  hasScheme: boolean;
  onAccepted: () => void;
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [strict, setStrict] = useState(false);
  const [preview, setPreview] = useState<SchemeImportReply | null>(null);
  const [accepted, setAccepted] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A workbook without a title: the organiser names the skill before accepting.
  const [skill, setSkill] = useState({ number: '', name: '' });
  const needsSkill = preview !== null && preview.report.skill.name === '';
  const url = `/api/organiser/competitions/${competitionId}/scheme?strict=${strict}`;

  async function send(dryRun: boolean) {
    if (!file) return;
    setError(null);
    const named = new URLSearchParams();
    if (!dryRun && needsSkill) {
      if (skill.number.trim() !== '') named.set('skillNumber', skill.number.trim());
      named.set('skillName', skill.name.trim());
    }
    try {
      const reply = await apiRequest<SchemeImportReply>(
        'PUT',
        `${url}&dryRun=${dryRun}${named.size > 0 ? `&${named}` : ''}`,
        file,
      );
      if (dryRun) return setPreview(reply);
      setPreview(null);
      setAccepted(reply.schemeVersion);
      onAccepted();
    } catch (failure) {
      setPreview(null);
      setError(failure);
    }
  }

  return (
    <section className="org-panel" aria-label={t('scheme.title')}>
      <h2>{t('scheme.title')}</h2>
      <p>{hasScheme ? t('scheme.current', { version: schemeVersion }) : t('scheme.none')}</p>
      {hasScheme && (
        <p>
          <a
            href={`/api/organiser/competitions/${competitionId}/scheme.xlsx?lang=${lang}`}
            download
          >
            {t('scheme.export')}
          </a>
        </p>
      )}
      <div className="org-form">
        <FilePicker
          label={t('scheme.choose')}
          name="scheme-file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          keepValue
          onFile={(file) => {
            setFile(file ?? null);
            setPreview(null);
            setAccepted(null);
          }}
        />
        <label className="org-check">
          <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
          {t('scheme.strict')}
        </label>
        <button type="button" disabled={!file} onClick={() => void send(true)}>
          {t('scheme.check')}
        </button>
      </div>
      <ErrorReport error={error} />
      {accepted !== null && <p role="status">{t('scheme.accepted', { version: accepted })}</p>}
      {preview && (
        <div className="org-report" aria-label={t('scheme.report')}>
          <h3>{t('scheme.report')}</h3>
          <SchemeReportView reply={preview} />
          {needsSkill && (
            <fieldset className="org-form">
              <legend>{t('scheme.nameSkill')}</legend>
              <label>
                {t('scheme.skillNumber')}
                <input
                  name="skill-number"
                  inputMode="numeric"
                  value={skill.number}
                  onChange={(e) => setSkill({ ...skill, number: e.target.value })}
                />
              </label>
              <label>
                {t('scheme.skillName')}
                <input
                  name="skill-name"
                  required
                  value={skill.name}
                  onChange={(e) => setSkill({ ...skill, name: e.target.value })}
                />
              </label>
            </fieldset>
          )}
          <button
            type="button"
            className="primary"
            disabled={needsSkill && skill.name.trim() === ''}
            onClick={() => void send(false)}
          >
            {t('scheme.accept')}
          </button>
        </div>
      )}
    </section>
  );
}

function SchemeReportView({ reply }: { reply: SchemeImportReply }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { report, reading, warnings } = reply;
  return (
    <>
      <p>
        {t('workbook:report.sheet', {
          sheet: reading.sheet,
          layout: t(`workbook:report.layout.${reading.layout}`),
        })}
      </p>
      {reading.derived.length > 0 && (
        <p>
          {t('workbook:report.derived', {
            parts: reading.derived.map((part) => t(`workbook:report.part.${part}`)).join(', '),
          })}
        </p>
      )}
      <p>
        {report.skill.name !== '' && (
          <>
            <strong>
              {report.skill.number} {report.skill.name}
            </strong>
            {' · '}
          </>
        )}
        {t('scheme.counts', report.counts)}
      </p>
      <p>
        {t('scheme.total', {
          total: formatMarks(report.total, lang),
          criteriaTotal: formatMarks(report.criteriaTotal, lang),
        })}
      </p>
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th>{t('scheme.criterion')}</th>
              <th className="num">{t('scheme.maxMark')}</th>
              <th className="num">{t('scheme.aspectTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {report.criteria.map((criterion) => (
              <tr
                key={criterion.id}
                className={criterion.maxMark !== criterion.aspectTotal ? 'org-warn' : ''}
              >
                <td>
                  {criterion.id} {criterion.name}
                </td>
                <td className="num">{formatMarks(criterion.maxMark, lang)}</td>
                <td className="num">{formatMarks(criterion.aspectTotal, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.sections.length > 0 && (
        <>
          <div className="org-scroll">
            <table className="org-table">
              <thead>
                <tr>
                  <th>{t('scheme.section')}</th>
                  <th className="num">{t('scheme.weight')}</th>
                  <th className="num">{t('scheme.aspectTotal')}</th>
                  <th className="num">{t('scheme.variation')}</th>
                </tr>
              </thead>
              <tbody>
                {report.sections.map((section) => (
                  <tr key={section.id}>
                    <td>
                      {section.id} {section.name}
                    </td>
                    <td className="num">{formatMarks(section.weight, lang)}</td>
                    <td className="num">{formatMarks(section.aspectMarks, lang)}</td>
                    <td className="num">{formatMarks(section.variation, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t('scheme.totalVariation', { value: formatMarks(report.totalVariation, lang) })}</p>
        </>
      )}
      <h4>{t('scheme.warnings', { count: warnings.length })}</h4>
      {warnings.length === 0 ? (
        <p>{t('scheme.noWarnings')}</p>
      ) : (
        <ul className="org-findings">
          {warnings.map((warning, i) => (
            <li key={i}>
              {/* The scheme sheet goes without saying; another sheet is named. */}
              {(warning.cell || warning.sheet !== reading.sheet) && (
                <code>
                  {[warning.sheet !== reading.sheet && warning.sheet, warning.cell]
                    .filter(Boolean)
                    .join('!')}
                </code>
              )}{' '}
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
