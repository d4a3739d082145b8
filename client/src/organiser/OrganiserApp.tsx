import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useNavigate } from 'react-router';
import { AdvancementPage } from './AdvancementPage';
import { ChampionshipJudges } from './ChampionshipJudges';
import { ChampionshipPage } from './ChampionshipPage';
import { ChampionshipsList } from './ChampionshipsList';
import { CollegesPage } from './CollegesPage';
import { CompetitionPage } from './CompetitionPage';
import './organiser.css';
import { signOut } from '../lib/sign-out';

/** The organiser console under /organiser; every screen calls the /api/organiser routes. */
export function OrganiserApp() {
  const { t } = useTranslation('organiser');
  const navigate = useNavigate();

  async function leave() {
    await signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <div className="page org">
      <nav className="org-nav org-no-print" aria-label={t('title')}>
        <strong>{t('title')}</strong>
        <NavLink to="/organiser" end>
          {t('nav.championships')}
        </NavLink>
        <NavLink to="/organiser/colleges">{t('nav.colleges')}</NavLink>
        {/* The exam office: sessions and the annual report, which organisers may also read. */}
        <NavLink to="/exam">{t('nav.exams')}</NavLink>
        <button type="button" onClick={() => void leave()}>
          {t('signOut')}
        </button>
      </nav>
      <Routes>
        <Route index element={<ChampionshipsList />} />
        <Route path="colleges" element={<CollegesPage />} />
        <Route path="championships/:championshipId" element={<ChampionshipPage />} />
        <Route path="championships/:championshipId/advancement" element={<AdvancementPage />} />
        <Route path="championships/:championshipId/judges" element={<ChampionshipJudges />} />
        <Route path="competitions/:competitionId" element={<CompetitionPage />} />
      </Routes>
    </div>
  );
}
