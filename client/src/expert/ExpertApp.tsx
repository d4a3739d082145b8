import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fullName, type Aspect, type MarkValue, type SubCriterion } from '@ashyq/shared';
import { Correction } from './Correction';
import { MarkEntry } from './MarkEntry';
import { SignOff } from './SignOff';
import { newMarkId, type MarkQueue } from './queue';
import { sessionEnded } from './socket-transport';
import { useLiveView } from './useLiveView';
import { useOnline, useQueuedMarks } from './useMarkQueue';
import {
  acceptsCorrection,
  acceptsEntry,
  acceptsRescore,
  cellKey,
  cellMarks,
  daysOf,
  formatMark,
  openRescores,
  panelScores,
  shortValue,
  subCriteriaOf,
  subCriterionOf,
  type CellMark,
  type ExpertView,
  type Lock,
  type PanelScores,
  type RescoreRequest,
  type SeenRescore,
} from './view';
import './expert.css';
import { useResource } from '../lib/resource';
import { signOut } from '../lib/sign-out';
import { expertViewSchema } from '@ashyq/shared';

/** The marking app: the expert's view from the server, then the day, sub-criterion and grid. */
export function ExpertApp() {
  const { t } = useTranslation('expert');
  const navigate = useNavigate();
  const loaded = useResource('/api/expert/competition', { schema: expertViewSchema })[0];
  useEffect(() => {
    // Lets the marking app open without a connection after this visit (client/public/sw.js).
    navigator.serviceWorker?.register('/sw.js').catch((error: unknown) => console.error(error));
  }, []);
  const signedOut = loaded.state === 'failed' && loaded.status === 401;
  useEffect(() => {
    if (signedOut) void navigate('/expert/login', { replace: true });
  }, [signedOut, navigate]);

  if (loaded.state === 'loading')
    return (
      <p className="page" role="status">
        {t('app.loading')}
      </p>
    );
  if (loaded.state === 'failed')
    return (
      <p className="page" role="alert">
        {t('app.loadFailed')}
      </p>
    );
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
      <SyncBar queue={queue} />
      <RescoreBanner view={view} requests={rescores} onOpen={openRequest} />
      {days.length === 0 && <p role="status">{t('app.noPanels')}</p>}
      <nav className="expert-tabs" aria-label={t('app.days')}>
        {days.map((d) => (
          <button key={d} type="button" aria-pressed={d === day} onClick={() => setDay(d)}>
            {t('app.day', { day: d })}
          </button>
        ))}
      </nav>
      <nav className="expert-tabs" aria-label={t('app.subCriteria')}>
        {onDay.map((candidate) => {
          const asked = rescores.filter((r) => r.aspect.startsWith(`${candidate.id}.`)).length;
          return (
            <button
              key={candidate.id}
              type="button"
              aria-pressed={candidate.id === sub?.id}
              onClick={() => openSub(candidate.id)}
            >
              <strong>{candidate.id}</strong> {candidate.name}
              {asked > 0 && (
                <span className="badge" title={t('rescore.badge')}>
                  ↻ {asked}
                </span>
              )}
            </button>
          );
        })}
      </nav>
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

/** The chief expert's re-score requests, on top of every screen until the judge has scored again. */
function RescoreBanner({
  view,
  requests,
  onOpen,
}: {
  view: ExpertView;
  requests: readonly SeenRescore[];
  onOpen: (request: RescoreRequest) => void;
}) {
  const { t } = useTranslation('expert');
  if (requests.length === 0) return null;
  return (
    <section className="rescore-banner" role="alert">
      <h2>{t('rescore.banner')}</h2>
      <ul>
        {requests.map((request) => {
          const person = view.competitors.find((c) => c.id === request.competitor);
          return (
            <li key={`${request.competitor}|${request.aspect}`}>
              <button type="button" onClick={() => onOpen(request)}>
                ↻ {person ? fullName(person.name) : request.competitor} · {request.aspect}
              </button>
              {request.reason && <span>{t('rescore.reason', { reason: request.reason })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** State that survives a reload of the tab, so an offline reload reopens the same grid. */
function useRemembered<T>(name: string, initial: T): [T, (value: T) => void] {
  const key = `ashyq.expert.${name}`;
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(key);
    return stored === null ? initial : (JSON.parse(stored) as T);
  });
  const remember = (next: T) => {
    sessionStorage.setItem(key, JSON.stringify(next));
    setValue(next);
  };
  return [value, remember];
}

function SyncBar({ queue }: { queue: MarkQueue | null }) {
  const { t } = useTranslation('expert');
  const navigate = useNavigate();
  const online = useOnline();
  // Subscribed for the re-render: the counts and the send error below change with the queue.
  useQueuedMarks(queue);
  const pending = queue?.pendingCount() ?? 0;
  const error = queue?.sendError();
  const ended = sessionEnded(error);

  async function leave() {
    // Marks not yet on the server wait on this tablet for this expert's next sign-in: say so
    // before leaving, so nobody hands the tablet over believing everything was sent.
    if (pending > 0 && !window.confirm(t('app.signOutUnsent', { count: pending }))) return;
    // Queued marks stay in this expert's store and are sent at its next sign-in; the view the
    // service worker kept goes, so the next expert never opens offline as this one.
    await Promise.allSettled([signOut(), globalThis.caches?.delete('ashyq-expert-view')]);
    await navigate('/expert/login', { replace: true });
  }

  return (
    <>
      <div className={`sync-bar ${online ? 'online' : 'offline'}`} role="status">
        <span>{online ? t('app.online') : t('app.offline')}</span>
        <span className="pending">
          {pending > 0 ? t('app.pending', { count: pending }) : t('app.allSaved')}
        </span>
        <button type="button" onClick={() => void leave()}>
          {t('app.signOut')}
        </button>
      </div>
      {queue && !queue.durable && (
        <p className="session-ended" role="alert">
          {t('app.notDurable')}
        </p>
      )}
      {ended && (
        <p className="session-ended" role="alert">
          {t('app.sessionEnded')} <Link to="/expert/login">{t('app.signInAgain')}</Link>
        </p>
      )}
    </>
  );
}

interface Selection {
  competitor: string;
  aspect: string;
}

function MarkGrid({
  view,
  sub,
  cells,
  rescores,
  lock,
  onLocks,
  queue,
  selected,
  onSelect,
}: {
  view: ExpertView;
  sub: SubCriterion;
  cells: Map<string, CellMark>;
  rescores: readonly SeenRescore[];
  lock: Lock | undefined;
  onLocks: (locks: Lock[]) => void;
  queue: MarkQueue;
  selected: Selection | null;
  onSelect: (selection: Selection | null) => void;
}) {
  const { t } = useTranslation(['expert', 'scoring']);
  const online = useOnline();
  const aspect = sub.aspects.find((candidate) => candidate.code === selected?.aspect);
  const competitor = view.competitors.find((candidate) => candidate.id === selected?.competitor);
  const asked = (competitorId: string, code: string) =>
    rescores.find((r) => r.competitor === competitorId && r.aspect === code);

  function save(value: MarkValue) {
    if (!selected) return;
    const again = cells.has(cellKey(selected.competitor, selected.aspect));
    void queue.add({ id: newMarkId(), ...selected, value });
    // A re-score stays on its cell, where the panel's new scores appear; a first entry moves on
    // to the next unmarked competitor of the column, as experts mark an aspect across competitors.
    if (again) return;
    const next = view.competitors.find(
      (candidate) =>
        candidate.id !== selected.competitor &&
        acceptsEntry(cells.get(cellKey(candidate.id, selected.aspect))),
    );
    onSelect(next ? { competitor: next.id, aspect: selected.aspect } : null);
  }

  if (view.competitors.length === 0) return <p role="status">{t('app.noCompetitors')}</p>;
  return (
    <section className="mark-area">
      {lock && <SignOff lock={lock} expertId={view.expert.id} online={online} onLocks={onLocks} />}
      <div className="grid-scroll">
        <table className="mark-grid">
          <thead>
            <tr>
              <th scope="col">{t('app.competitor')}</th>
              {sub.aspects.map((a) => (
                <th key={a.code} scope="col" title={a.description}>
                  {a.code.split('.')[1]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.competitors.map((person) => (
              <tr key={person.id}>
                <th scope="row">{fullName(person.name)}</th>
                {sub.aspects.map((a) => (
                  <GridCell
                    key={a.code}
                    aspect={a}
                    competitorName={fullName(person.name)}
                    cell={cells.get(cellKey(person.id, a.code))}
                    discrepant={a.type === 'J' && !!panelScores(view, a, person.id)?.discrepant}
                    rescore={!!asked(person.id, a.code)}
                    selected={selected?.competitor === person.id && selected.aspect === a.code}
                    onSelect={() => onSelect({ competitor: person.id, aspect: a.code })}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {aspect && competitor ? (
        <Entry
          onClose={() => onSelect(null)}
          key={cellKey(competitor.id, aspect.code)}
          view={view}
          aspect={aspect}
          competitor={competitor}
          cell={cells.get(cellKey(competitor.id, aspect.code))}
          request={asked(competitor.id, aspect.code)}
          locked={!!lock}
          online={online}
          queue={queue}
          onSave={save}
        />
      ) : (
        <p className="hint">{t('app.chooseCell')}</p>
      )}
    </section>
  );
}

/**
 * The entry panel of the selected cell: its state, the panel's scores once revealed, and what
 * the expert may do: a first entry, a re-score of a saved judgement (at once when the chief
 * expert asked for it, otherwise behind a button so that a tap cannot change a score by accident),
 * or a correction of a saved measurement mark.
 */
function Entry({
  view,
  aspect,
  competitor,
  cell,
  request,
  locked,
  online,
  queue,
  onSave,
  onClose,
}: {
  view: ExpertView;
  aspect: Aspect;
  competitor: ExpertView['competitors'][number];
  cell: CellMark | undefined;
  request: SeenRescore | undefined;
  locked: boolean;
  online: boolean;
  queue: MarkQueue;
  onSave: (value: MarkValue) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(['expert', 'scoring']);
  const [again, setAgain] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const name = fullName(competitor.name);

  function actions() {
    if (locked) return null;
    const panelFull = view.fullPanels?.some(
      (full) => full.competitor === competitor.id && full.aspect === aspect.code,
    );
    if (acceptsEntry(cell) && panelFull) return <p className="hint">{t('mark.panelFull')}</p>;
    if (acceptsEntry(cell)) return <MarkEntry aspect={aspect} onSave={onSave} />;
    if (acceptsRescore(aspect, cell)) {
      return request || again ? (
        <MarkEntry aspect={aspect} onSave={onSave} />
      ) : (
        <button type="button" onClick={() => setAgain(true)}>
          {t('rescore.again')}
        </button>
      );
    }
    if (cell && acceptsCorrection(aspect, cell)) {
      return correcting ? (
        <Correction
          aspect={aspect}
          competitor={competitor.id}
          cell={cell}
          online={online}
          onSaved={(mark) => void queue.addSaved(mark)}
          onClose={() => setCorrecting(false)}
        />
      ) : (
        <button type="button" onClick={() => setCorrecting(true)}>
          {t('correction.open')}
        </button>
      );
    }
    return <p className="hint">{t('mark.alreadyMarked')}</p>;
  }

  return (
    <section className="entry" aria-label={`${name} ${aspect.code}`}>
      <header>
        <h2>
          {name} · {aspect.code}
        </h2>
        <button type="button" className="close" aria-label={t('app.closeEntry')} onClick={onClose}>
          ✕
        </button>
      </header>
      {request && (
        <p className="rescore-request" role="alert">
          ↻ {t('rescore.requested')}
          {request.reason && <> {t('rescore.reason', { reason: request.reason })}</>}
        </p>
      )}
      <p className="aspect-text">{aspect.description}</p>
      {aspect.requirement && (
        <p className="hint">
          {t('mark.requirement')}: {aspect.requirement}
        </p>
      )}
      <p className="hint">{t('mark.maxMark', { max: aspect.maxMark })}</p>
      {cell && <CellStatus aspect={aspect} cell={cell} team={view.team ?? []} />}
      {aspect.type === 'J' && <PanelView panel={panelScores(view, aspect, competitor.id)} />}
      {actions()}
    </section>
  );
}

function GridCell({
  aspect,
  competitorName,
  cell,
  discrepant,
  rescore,
  selected,
  onSelect,
}: {
  aspect: Aspect;
  competitorName: string;
  cell: CellMark | undefined;
  discrepant: boolean;
  rescore: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation('expert');
  const state = cell?.state ?? 'empty';
  return (
    <td>
      <button
        type="button"
        className={`cell ${state}${cell?.by ? ' team' : ''}${discrepant ? ' discrepant' : ''}${
          rescore ? ' rescore' : ''
        }`}
        data-aspect={aspect.code}
        data-state={state}
        aria-pressed={selected}
        aria-label={`${competitorName} ${aspect.code}: ${t(`state.${state}`)}${
          cell?.by ? `; ${t('mark.teamMark')}` : ''
        }${
          discrepant ? `; ${t('mark.discrepancy')}` : ''
        }${rescore ? `; ${t('rescore.badge')}` : ''}`}
        onClick={onSelect}
      >
        {cell ? shortValue(aspect, cell.value) : '·'}
        {discrepant && <span className="flag">!</span>}
        {rescore && <span className="rescore-mark">↻</span>}
      </button>
    </td>
  );
}

function CellStatus({
  aspect,
  cell,
  team,
}: {
  aspect: Aspect;
  cell: CellMark;
  team: NonNullable<ExpertView['team']>;
}) {
  const { t } = useTranslation(['expert', 'scoring']);
  const teammate = cell.by && team.find((expert) => expert.id === cell.by);
  return (
    <p className={`cell-status ${cell.state}`} role="status">
      <strong>{shortValue(aspect, cell.value)}</strong> · {t(`state.${cell.state}`)}
      {cell.by && (
        <span className="entered-by">
          {' '}
          · {t('mark.enteredBy', { name: teammate ? fullName(teammate.name) : cell.by })}
        </span>
      )}
      {cell.rejection && (
        <span className="reason">
          : {t(`scoring:reason.${cell.rejection.reason}`, cell.rejection.params)}
        </span>
      )}
    </p>
  );
}

/** Blind judgement: nothing of the panel until this judge's own score counts on the server. */
function PanelView({ panel }: { panel: PanelScores | null }) {
  const { t } = useTranslation('expert');
  if (!panel) return <p className="hint">{t('mark.blind')}</p>;
  return (
    <div className="panel-scores">
      <p>{t('mark.panel', { scores: panel.scores.join(' · ') })}</p>
      <p>{t('mark.panelMark', { mark: formatMark(panel.mark) })}</p>
      {panel.discrepant && <p className="discrepancy">{t('mark.discrepancy')}</p>}
    </div>
  );
}
