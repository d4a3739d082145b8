import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { rosterSchema, type SignedInReply } from '@ashyq/shared';
import { AuditTrail } from './AuditTrail';
import { chiefBase } from './api';
import { CompetitionPicker } from './CompetitionPicker';
import { Competitors } from './Competitors';
import { Discrepancies } from './Discrepancies';
import { Judges } from './Judges';
import { Calibration } from './Calibration';
import { Locks } from './Locks';
import { ProgressMatrix } from './ProgressMatrix';
import { Standings } from './Standings';
import { Team } from './Team';
import { Toasts } from './Toasts';
import { useChiefLive } from './useChiefLive';
import { correctionLines, namesOf, percentMarked, resultsStatus } from './view';
import type { Overview, Roster } from './types';
import './chief.css';
import { type Loaded, useResource } from '../lib/resource';
import { ConfirmDialog, type ConfirmRequest } from '../lib/ui/ConfirmDialog';
import { localized } from '../lib/localized';
import { signOut } from '../lib/sign-out';
import { useLanguage } from '../lib/language';
import { LoadStatus } from '../lib/ui/LoadStatus';

/**
 * /chief and /chief/:competitionId: a chief expert (or deputy) lands on its own competition;
 * an organiser picks one. Anyone else is sent to sign in.
 */
export function ChiefApp() {
  const { t } = useTranslation('chief');
  const navigate = useNavigate();
  const { competitionId: picked } = useParams();
  const me = useResource<SignedInReply>('/api/auth/me')[0];
  const signedOut = me.state === 'failed' && me.status === 401;
  useEffect(() => {
    if (signedOut) void navigate('/expert/login', { replace: true });
  }, [signedOut, navigate]);

  if (me.state !== 'ready')
    return <LoadStatus loaded={me} className="page" failed={t('app.loadFailed')} />;
  const own = me.data.kind === 'expert' ? me.data.credential : undefined;
  const isLead = own?.role === 'chief' || own?.role === 'deputy-chief';
  const competitionId = picked ?? (isLead ? own.competitionId : undefined);
  // Unlocking is the chief's alone (docs/scoring.md); organisers in scope may too. A deputy does not see it.
  const mayUnlock = me.data.kind === 'organiser' || own?.role === 'chief';
  if (competitionId) {
    return <Console key={competitionId} competitionId={competitionId} mayUnlock={mayUnlock} />;
  }
  if (me.data.kind === 'organiser') return <CompetitionPicker />;
  return (
    <p className="page" role="alert">
      {t('app.notChief')}
    </p>
  );
}

export type Tab =
  | 'progress'
  | 'discrepancies'
  | 'locks'
  | 'standings'
  | 'judges'
  | 'calibration'
  | 'audit'
  | 'team'
  | 'competitors';
const tabs: Tab[] = [
  'progress',
  'discrepancies',
  'locks',
  'standings',
  'judges',
  'calibration',
  'audit',
  'team',
  'competitors',
];

function Console({ competitionId, mayUnlock }: { competitionId: string; mayUnlock: boolean }) {
  const { t } = useTranslation('chief');
  const lang = useLanguage();
  const navigate = useNavigate();
  const [roster, reloadRoster] = useRoster(competitionId);
  const live = useChiefLive(competitionId, lang);
  // A registration or status change, from this console or another, shows in the roster.
  const competitorChanges = useMemo(
    () => live.events.filter((event) => event.type.startsWith('competitor.')).length,
    [live.events],
  );
  useEffect(() => {
    if (competitorChanges > 0) reloadRoster();
  }, [competitorChanges, reloadRoster]);
  const [tab, setTab] = useState<Tab>('progress');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  useEffect(() => {
    if (live.connection === 'signed-out') void navigate('/expert/login', { replace: true });
  }, [live.connection, navigate]);

  const names = useMemo(() => (roster.state === 'ready' ? namesOf(roster.data) : null), [roster]);

  if (roster.state === 'failed' || live.connection === 'refused')
    return (
      <p className="page" role="alert">
        {roster.state === 'failed' && roster.status === 403
          ? t('app.forbidden')
          : t('app.loadFailed')}
      </p>
    );
  if (roster.state === 'loading' || !names || !live.overview)
    return (
      <p className="page" role="status">
        {t('app.loading')}
      </p>
    );

  const overview: Overview = live.overview;
  const context = {
    competitionId,
    roster: roster.data,
    names,
    overview,
    lang,
    confirm: setConfirm,
    reloadRoster,
    mayUnlock,
  };
  const open = overview.openDiscrepancies.length;
  const status = resultsStatus(overview);
  const corrections = correctionLines(overview, names.expert);
  const { marked, required } = overview.progress;

  async function leave() {
    await signOut();
    await navigate('/expert/login', { replace: true });
  }

  return (
    <main className="chief">
      <header className="chief-head">
        <div>
          <h1>
            {t('app.title')}: {roster.data.competition.skill.number}{' '}
            {localized(roster.data.competition.skill.name, lang)}
          </h1>
          <p className="chief-sub">
            {t('app.progress', { percent: percentMarked(marked, required), marked, required })}
            {' · '}
            <span className={`results-stage ${overview.stage}`}>
              {t(status.key, status.params)}
            </span>
          </p>
          {corrections.length > 0 && (
            <details className="chief-corrections">
              <summary>{t('app.corrections', { count: corrections.length })}</summary>
              <ul>
                {corrections.map((line) => (
                  <li key={`${line.at}-${line.subCriterion}`}>{t('app.correction', line)}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <span className={`connection ${live.connection}`} role="status">
          {t(`connection.${live.connection}`)}
        </span>
        <button type="button" onClick={() => void leave()}>
          {t('app.signOut')}
        </button>
      </header>
      <nav className="chief-tabs" aria-label={t('app.sections')}>
        {tabs.map((candidate) => (
          <button
            key={candidate}
            type="button"
            aria-pressed={candidate === tab}
            onClick={() => setTab(candidate)}
          >
            {t(`tabs.${candidate}`)}
            {candidate === 'discrepancies' && open > 0 && <span className="badge">{open}</span>}
          </button>
        ))}
      </nav>
      <Toasts
        alerts={live.alerts}
        names={names}
        onDismiss={live.dismissAlert}
        onOpen={() => setTab('discrepancies')}
      />
      {tab === 'progress' && <ProgressMatrix {...context} />}
      {tab === 'discrepancies' && <Discrepancies {...context} />}
      {tab === 'locks' && <Locks {...context} />}
      {tab === 'standings' && <Standings {...context} />}
      {tab === 'judges' && <Judges {...context} />}
      {tab === 'calibration' && <Calibration {...context} />}
      {tab === 'audit' && <AuditTrail {...context} events={live.events} />}
      {tab === 'team' && <Team {...context} />}
      {tab === 'competitors' && <Competitors {...context} />}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </main>
  );
}

/** The roster, fetched again on demand; the last one stays on screen while a new one loads. */
function useRoster(competitionId: string): [Loaded<Roster>, () => void] {
  return useResource(`${chiefBase(competitionId)}/roster`, { schema: rosterSchema });
}
