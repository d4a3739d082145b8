import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cellsToMark } from './grid-view';
import { MarkGrid, type Selection } from './MarkGrid';
import { RescoreBanner } from './RescoreBanner';
import { SyncBar } from './SyncBar';
import { useLiveView } from './useLiveView';
import { CalibrationTask } from './CalibrationTask';
import { useQueuedMarks } from './useMarkQueue';
import { useRemembered } from './useRemembered';
import {
  cellMarks,
  daysOf,
  openRescores,
  subCriteriaOf,
  subCriterionOf,
  type ExpertView,
  type RescoreRequest,
} from './view';
import './expert.css';
import { useResource } from '../lib/resource';
import { expertViewSchema } from '@ashyq/shared';
import { LoadStatus } from '../lib/ui/LoadStatus';

/** The marking app: the expert's view from the server, then the day, sub-criterion and grid. */
export function ExpertApp() {
  const { t } = useTranslation('expert');
  const navigate = useNavigate();
  const loaded = useResource('/api/expert/competition', { schema: expertViewSchema })[0];
  useEffect(() => {
    // Lets the marking app open without a connection after this visit (client/src/sw.ts).
    navigator.serviceWorker?.register('/sw.js').catch((error: unknown) => console.error(error));
  }, []);
  const signedOut = loaded.state === 'failed' && loaded.status === 401;
  useEffect(() => {
    if (signedOut) void navigate('/expert/login', { replace: true });
  }, [signedOut, navigate]);

  if (loaded.state !== 'ready')
    return <LoadStatus loaded={loaded} className="page" failed={t('app.loadFailed')} />;
  return <Marking initial={loaded.data} />;
}

function Marking({ initial }: { initial: ExpertView }) {
  const { t } = useTranslation('expert');
  const [subId, setSubId] = useRemembered<string | null>('subCriterion', null);
  const { live, dispatch, queue } = useLiveView(initial, subId);
  const { view } = live;
  const queued = useQueuedMarks(queue);
  const cells = useMemo(() => cellMarks(view, queued), [view, queued]);
  const rescores = useMemo(
    () => openRescores(view, live.rescores, queued),
    [view, live.rescores, queued],
  );
  const days = daysOf(view);
  const [day, setDay] = useRemembered('day', days[0] ?? 0);
  const onDay = subCriteriaOf(view).filter((sub) => sub.day === day);
  const sub = onDay.find((candidate) => candidate.id === subId) ?? null;
  const [selected, setSelected] = useState<Selection | null>(null);

  function openSub(id: string) {
    setSubId(id);
    setSelected(null);
  }

  /** From a re-score banner straight to its cell, whichever day and sub-criterion it is on. */
  function openRequest(request: RescoreRequest) {
    const target = subCriterionOf(view, request.aspect);
    if (!target) return;
    setDay(target.day);
    setSubId(target.id);
    setSelected({ competitor: request.competitor, aspect: request.aspect });
  }

  return (
    <main className="expert">
      <SyncBar view={view} queue={queue} />
      <RescoreBanner view={view} requests={rescores} onOpen={openRequest} />
      <CalibrationTask view={view} />
      {days.length === 0 && <p role="status">{t('app.noPanels')}</p>}
      <div className="expert-nav">
        <nav className="expert-tabs days" aria-label={t('app.days')}>
          {days.map((d) => (
            <button key={d} type="button" aria-pressed={d === day} onClick={() => setDay(d)}>
              {t('app.day', { day: d })}
            </button>
          ))}
        </nav>
        <nav className="expert-tabs subs" aria-label={t('app.subCriteria')}>
          {onDay.map((candidate) => {
            const asked = rescores.filter((r) => r.aspect.startsWith(`${candidate.id}.`)).length;
            const left = cellsToMark(view, candidate.aspects, cells);
            return (
              <button
                key={candidate.id}
                type="button"
                aria-pressed={candidate.id === sub?.id}
                onClick={() => openSub(candidate.id)}
              >
                <strong>{candidate.id}</strong> {candidate.name}
                <span className="left">
                  {left > 0 ? t('app.left', { count: left }) : t('app.allMarked')}
                </span>
                {asked > 0 && (
                  <span className="badge" title={t('rescore.badge')}>
                    ↻ {asked}
                  </span>
                )}
              </button>
            );
          })}
        </nav>
      </div>
      {sub && queue && (
        <MarkGrid
          key={sub.id}
          view={view}
          sub={sub}
          cells={cells}
          rescores={rescores}
          lock={view.locks.find((lock) => lock.subCriterion === sub.id && lock.locked)}
          onLocks={(locks) => dispatch({ type: 'locks', locks })}
          queue={queue}
          selected={selected}
          onSelect={setSelected}
        />
      )}
    </main>
  );
}
