import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { BigScreen } from '../boards/BigScreen';
import { CompetitorPage } from '../boards/CompetitorPage';
import { OverviewPage } from '../boards/OverviewPage';
import { ChiefApp } from '../chief/ChiefApp';
import { ExamApp } from '../exam/ExamApp';
import { ExpertApp } from '../expert/ExpertApp';
import { ExpertLoginPage, LinkLoginPage } from '../expert/LoginPage';
import { OrganiserApp } from '../organiser/OrganiserApp';
import { OrganiserLoginPage } from '../organiser/LoginPage';
import { BoardPage } from '../pages/BoardPage';
import { ChampionshipsPage } from '../pages/ChampionshipsPage';
import { HomeStatus } from '../pages/HomeStatus';
import { VerifyPage } from '../verify/VerifyPage';

export function App() {
  const { t } = useTranslation();
  return (
    <BrowserRouter>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <HomeStatus />
        <LanguageSwitcher />
      </header>
      <Routes>
        <Route path="/" element={<ChampionshipsPage />} />
        <Route path="/competitions/:id" element={<BoardPage />} />
        <Route path="/competitions/:id/competitors/:competitorId" element={<CompetitorPage />} />
        <Route path="/championships/:id" element={<OverviewPage />} />
        <Route path="/championships/:id/screen" element={<BigScreen />} />
        <Route path="/expert/login" element={<ExpertLoginPage />} />
        <Route path="/login/:token" element={<LinkLoginPage />} />
        <Route path="/expert" element={<ExpertApp />} />
        <Route path="/chief" element={<ChiefApp />} />
        <Route path="/chief/:competitionId" element={<ChiefApp />} />
        <Route path="/login" element={<OrganiserLoginPage />} />
        <Route path="/organiser/*" element={<OrganiserApp />} />
        <Route path="/exam/*" element={<ExamApp />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
      </Routes>
    </BrowserRouter>
  );
}
