import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  fullName,
  orderedStudents,
  type ExamSession,
  type ExamExportsReply,
  type ExamResultsReply,
  almatyStamp,
} from '@ashyq/shared';
import { sessionUrl } from './api';
import { useResource } from '../lib/resource';

/**
 * Downloads of the session: protocol and statement (PDF and XLSX in kk and ru, per group when
 * there are several), each student's result sheet, and the NOBD export with the log of who
 * exported personal data and when. Documents carry IINs: only this office gets them.
 */
export function DocumentsPanel({ session }: { session: ExamSession }) {
  const { t } = useTranslation('exam');
  const base = sessionUrl(session.id);
  // A session of several groups also prints each group's own protocol and statement.
  const scopes: (string | null)[] = session.groups.length > 1 ? [null, ...session.groups] : [null];
  const [exportsLog, reloadLog] = useResource<ExamExportsReply>(`${base}/exports`, {
    signIn: '/login',
  });
  const [results] = useResource<ExamResultsReply>(`${base}/results`, { signIn: '/login' });
  // Said before the links: a draft downloaded without this looks like a fault in the document.
  const notFinal =
    results.state === 'ready'
      ? results.data.results.filter((result) => !result.final).map((r) => fullName(r.student.name))
      : [];
  return (
    <section>
      <h2>{t('office.documents.title')}</h2>
      {notFinal.length > 0 && (
        <p className="exam-warning" role="status">
          {t('office.documents.draftNotice', { names: notFinal.join(', ') })}
        </p>
      )}
      <table className="exam-table exam-downloads">
        <tbody>
          {scopes.flatMap((group) =>
            (['protocol', 'statement'] as const).map((kind) => (
              <tr key={`${kind}-${group ?? ''}`}>
                <th scope="row">
                  {t(`office.documents.${kind}`)}
                  {group !== null && ` · ${group}`}
                </th>
                {(['pdf', 'xlsx'] as const).flatMap((format) =>
                  documentLanguages.map((lang) => (
                    <td key={`${format}-${lang}`}>
                      <a
                        href={documentUrl(`${base}/documents/${kind}.${format}`, lang, group)}
                        download
                      >
                        {format.toUpperCase()} {t(`office.documents.language.${lang}`)}
                      </a>
                    </td>
                  )),
                )}
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h3>{t('office.documents.sheets')}</h3>
      <table className="exam-table exam-downloads">
        <tbody>
          {scopes.map((group) => (
            <tr key={`all-${group ?? ''}`}>
              <th scope="row">
                {t('office.documents.allSheets')}
                {group !== null && ` · ${group}`}
              </th>
              {documentLanguages.map((lang) => (
                <td key={lang}>
                  <a
                    href={documentUrl(`${base}/documents/result-sheets.pdf`, lang, group)}
                    download
                  >
                    PDF {t(`office.documents.language.${lang}`)}
                  </a>
                </td>
              ))}
            </tr>
          ))}
          {orderedStudents(session.students).map((student) => (
            <tr key={student.id}>
              <th scope="row">
                {fullName(student.name)} · {student.group}
              </th>
              {documentLanguages.map((lang) => (
                <td key={lang}>
                  <a
                    href={documentUrl(
                      `${base}/documents/result-sheets/${encodeURIComponent(student.id)}.pdf`,
                      lang,
                      null,
                    )}
                    download
                  >
                    PDF {t(`office.documents.language.${lang}`)}
                  </a>
                </td>
              ))}
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
                  <td>{almatyStamp(record.at)}</td>
                  <td>
                    {record.by.name} ({record.by.email})
                  </td>
                  <td>
                    {[
                      t(`office.documents.kind.${record.kind ?? 'nobd'}`),
                      record.format.toUpperCase(),
                      record.templateId ??
                        (record.language && t(`office.documents.language.${record.language}`)),
                      record.group,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
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

/** Documents print in Kazakh and Russian (docs/demo-exams.md). */
const documentLanguages = ['kk', 'ru'] as const;

/** A document in one language, of the whole session (group null) or of one group. */
function documentUrl(path: string, language: 'kk' | 'ru', group: string | null): string {
  const query = new URLSearchParams({ language, ...(group === null ? {} : { group }) });
  return `${path}?${query}`;
}
