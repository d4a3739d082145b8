import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExamSession } from '@ashyq/shared';
import { useAdmin } from '../organiser/api';
import { sessionUrl } from './api';

interface ExportRecord {
  id: string;
  format: 'csv' | 'xlsx';
  rows: number;
  templateId: string;
  by: { name: string; email: string };
  at: string;
}

/**
 * Downloads of the session: the commission's documents (PDF in kk and ru, XLSX) and the NOBD
 * export, with the log of who exported personal data and when.
 */
export function DocumentsPanel({ session }: { session: ExamSession }) {
  const { t, i18n } = useTranslation('exam');
  const base = sessionUrl(session.id);
  const [exportsLog, reloadLog] = useAdmin<{ exports: ExportRecord[] }>(`${base}/exports`);
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-KZ`, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Almaty',
  });

  return (
    <section>
      <h2>{t('office.documents.title')}</h2>
      <table className="exam-table exam-downloads">
        <tbody>
          {documentKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`office.documents.${kind}`)}</th>
              {(['kk', 'ru'] as const).map((lang) => (
                <td key={lang}>
                  <a href={`${base}/documents/${kind}.pdf?lang=${lang}`} download>
                    PDF {lang === 'kk' ? 'қаз' : 'рус'}
                  </a>
                </td>
              ))}
              <td>
                {kind !== 'sheets' && (
                  <a href={`${base}/documents/${kind}.xlsx`} download>
                    XLSX
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('office.documents.nobd')}</h2>
      <p className="exam-hint">
        {t('office.documents.nobdHint')}{' '}
        <Link to="/exam/nobd-template">{t('office.nav.template')}</Link>
      </p>
      <p className="exam-actions">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a
            key={format}
            className="exam-button"
            href={`${base}/nobd.${format}`}
            download
            onClick={() => window.setTimeout(reloadLog, 1500)}
          >
            {t('office.documents.nobdDownload', { format: format.toUpperCase() })}
          </a>
        ))}
      </p>
      <h3>{t('office.documents.log')}</h3>
      {exportsLog.state === 'ready' && exportsLog.data.exports.length === 0 && (
        <p>{t('office.documents.logEmpty')}</p>
      )}
      {exportsLog.state === 'ready' && exportsLog.data.exports.length > 0 && (
        <table className="exam-table">
          <thead>
            <tr>
              <th>{t('office.documents.logWhen')}</th>
              <th>{t('office.documents.logWho')}</th>
              <th>{t('office.documents.logFormat')}</th>
              <th className="num">{t('office.documents.logRows')}</th>
            </tr>
          </thead>
          <tbody>
            {[...exportsLog.data.exports]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((record) => (
                <tr key={record.id}>
                  <td>{when.format(new Date(record.at))}</td>
                  <td>
                    {record.by.name} ({record.by.email})
                  </td>
                  <td>
                    {record.format.toUpperCase()} · {record.templateId}
                  </td>
                  <td className="num">{record.rows}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The commission's documents of demo-exam.md; individual sheets have no XLSX version. */
const documentKinds = ['protocol', 'statement', 'sheets'] as const;
