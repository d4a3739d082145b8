import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, type ExamSessionsReply } from '@ashyq/shared';
import { toLocalInput } from './view';
import { ErrorReport } from '../lib/errors';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';

/** The college's exam sessions, newest first, and the way to create one. */
export function SessionsList() {
  const { t, i18n } = useTranslation('exam');
  const [loaded] = useResource<ExamSessionsReply>('/api/exam/sessions', {
    signIn: '/login',
  });
  const lang = i18n.language;

  return (
    <main>
      <div className="exam-heading">
        <h1>{t('office.sessions.title')}</h1>
        <Link className="exam-button primary" to="/exam/new">
          {t('office.sessions.create')}
        </Link>
      </div>
      {loaded.state === 'loading' && <p>{t('office.loading')}</p>}
      {loaded.state === 'failed' && <ErrorReport error={loaded.error} />}
      {loaded.state === 'ready' && loaded.data.sessions.length === 0 && (
        <p>{t('office.sessions.none')}</p>
      )}
      {loaded.state === 'ready' && loaded.data.sessions.length > 0 && (
        <table className="exam-table">
          <thead>
            <tr>
              <th>{t('office.sessions.protocol')}</th>
              <th>{t('office.sessions.qualification')}</th>
              <th>{t('office.sessions.groups')}</th>
              <th>{t('office.sessions.when')}</th>
              <th>{t('office.sessions.type')}</th>
              <th>{t('office.sessions.students')}</th>
              <th>{t('office.sessions.commission')}</th>
            </tr>
          </thead>
          <tbody>
            {[...loaded.data.sessions]
              .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
              .map((session) => (
                <tr key={session.id}>
                  <td>
                    <Link to={`/exam/sessions/${session.id}`}>
                      {session.protocolNumber ?? session.id}
                    </Link>
                  </td>
                  <td>
                    {session.qualification.code} {localized(session.qualification.name, lang)}
                  </td>
                  <td>{session.groups.join(', ')}</td>
                  <td>
                    {formatDate(session.startsAt, 'dd.mm.yyyy')}{' '}
                    {toLocalInput(session.startsAt).slice(11)}
                  </td>
                  <td>{t(`examType.${session.examType}`)}</td>
                  <td className="num">{session.studentCount}</td>
                  <td className="num">{session.commissionSize}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
