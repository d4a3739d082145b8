import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { BigScreen } from '../boards/BigScreen';
import { OverviewPage } from '../boards/OverviewPage';
import { ExpertLoginPage, LinkLoginPage } from '../expert/LoginPage';
import { OrganiserLoginPage } from '../organiser/LoginPage';
import { BoardPage } from '../pages/BoardPage';
import { ChampionshipsPage } from '../pages/ChampionshipsPage';
import { HomeStatus } from '../pages/HomeStatus';
import { VerifyPage } from '../verify/VerifyPage';

// The staff apps and the chart-drawing competitor page load when opened: a spectator's phone
// fetches and compiles 0.83 MB of script instead of 1.18 (docs/benchmarks.md, "Page start-up").
// The tablet's service worker keeps every chunk, so the expert app still opens offline. Opened
// by address, the page says it is loading meanwhile; reached by a link, the page before stays
// until it arrives (the router navigates in a React transition).
const ChiefApp = whenOpened(() => import('../chief/ChiefApp'), 'ChiefApp');
const ExamApp = whenOpened(() => import('../exam/ExamApp'), 'ExamApp');
const ExpertApp = whenOpened(() => import('../expert/ExpertApp'), 'ExpertApp');
const OrganiserApp = whenOpened(() => import('../organiser/OrganiserApp'), 'OrganiserApp');
const CompetitorPage = whenOpened(() => import('../boards/CompetitorPage'), 'CompetitorPage');

/** A page exported by name from a module fetched the first time the page renders. */
function whenOpened<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

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
      <Suspense
        fallback={
          <main>
            <p role="status">{t('loading', { ns: 'board' })}</p>
          </main>
        }
      >
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
      </Suspense>
    </BrowserRouter>
  );
}
