import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useNavigate } from 'react-router';
import { NobdTemplateEditor } from './NobdTemplateEditor';
import { ReportPage } from './ReportPage';
import { SessionForm } from './SessionForm';
import { SessionPage } from './SessionPage';
import { SessionsList } from './SessionsList';
import './exam.css';
import { signOut } from '../lib/sign-out';

/**
 * The college exam office under /exam (docs/demo-exams.md): sessions, commission, students, results,
 * documents, the NOBD template and the annual report. Sign-in is the shared /login page.
 */
export function ExamApp() {
  const { t } = useTranslation('exam');
  const navigate = useNavigate();

  async function leave() {
    await signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <div className="page exam">
      <nav className="exam-nav" aria-label={t('office.title')}>
        <strong>{t('office.title')}</strong>
        <NavLink to="/exam" end>
          {t('office.nav.sessions')}
        </NavLink>
        <NavLink to="/exam/nobd-template">{t('office.nav.template')}</NavLink>
        <NavLink to="/exam/report">{t('office.nav.report')}</NavLink>
        <button type="button" onClick={() => void leave()}>
          {t('office.signOut')}
        </button>
      </nav>
      <Routes>
        <Route index element={<SessionsList />} />
        <Route path="new" element={<SessionForm />} />
        <Route path="sessions/:sessionId/*" element={<SessionPage />} />
        <Route path="nobd-template" element={<NobdTemplateEditor />} />
        <Route path="report" element={<ReportPage />} />
      </Routes>
    </div>
  );
}
