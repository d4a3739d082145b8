import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { almatyStamp, type ExamSessionReply } from '@ashyq/shared';
import { sessionUrl } from './api';
import { CommissionEditor } from './CommissionEditor';
import { DocumentsPanel } from './DocumentsPanel';
import { ResultsTable } from './ResultsTable';
import { SessionForm } from './SessionForm';
import { StudentsPanel } from './StudentsPanel';
import { ErrorReport } from '../lib/errors';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';

/** One exam session with a tab per step of docs/demo-exams.md's flow. */
export function SessionPage() {
  const { t, i18n } = useTranslation('exam');
  const { sessionId = '' } = useParams();
  const [loaded, reload] = useResource<ExamSessionReply>(sessionUrl(sessionId), {
    signIn: '/login',
  });

  if (loaded.state === 'loading') return <p>{t('office.loading')}</p>;
  if (loaded.state === 'failed') return <ErrorReport error={loaded.error} />;
  const { session } = loaded.data;
  const base = `/exam/sessions/${session.id}`;
  return (
    <main>
      <h1>
        {session.protocolNumber
          ? t('office.session.title', { number: session.protocolNumber })
          : t('office.session.titleUnnumbered', {
              groups: session.groups.join(', '),
              date: almatyStamp(session.startsAt).slice(0, 10),
            })}
      </h1>
      <p className="exam-subtitle">
        {session.qualification.code} {localized(session.qualification.name, i18n.language)} ·{' '}
        {session.groups.join(', ')} · {t(`examType.${session.examType}`)}
      </p>
      <nav className="exam-tabs" aria-label={t('office.session.tabs')}>
        <NavLink to={base} end>
          {t('office.session.details')}
        </NavLink>
        <NavLink to={`${base}/commission`}>{t('office.session.commission')}</NavLink>
        <NavLink to={`${base}/students`}>{t('office.session.students')}</NavLink>
        <NavLink to={`${base}/results`}>{t('office.session.results')}</NavLink>
        <NavLink to={`${base}/documents`}>{t('office.session.documents')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<SessionForm existing={loaded.data} onSaved={reload} />} />
        <Route
          path="commission"
          element={<CommissionEditor session={session} onSaved={reload} />}
        />
        <Route path="students" element={<StudentsPanel session={session} onImported={reload} />} />
        <Route path="results" element={<ResultsTable session={session} />} />
        <Route path="documents" element={<DocumentsPanel session={session} />} />
      </Routes>
    </main>
  );
}
