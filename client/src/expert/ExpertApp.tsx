import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fullName, type Aspect, type MarkValue, type SubCriterion } from '@ashyq/shared';
import { useJson } from '../api';
import { MarkEntry } from './MarkEntry';
import { SignOff } from './SignOff';
import { newMarkId, type MarkQueue } from './queue';
import { SyncHttpError } from './rest-transport';
import { useMarkQueue, useOnline, useQueuedMarks } from './useMarkQueue';
import {
  acceptsEntry,
  cellKey,
  cellMarks,
  daysOf,
  formatMark,
  panelScores,
  shortValue,
  subCriteriaOf,
  type CellMark,
  type ExpertView,
  type Lock,
  type PanelScores,
} from './view';
import './expert.css';

/** The marking app: the expert's view from the server, then the day, sub-criterion and grid. */
export function ExpertApp() {
  const { t } = useTranslation('expert');
  const navigate = useNavigate();
  const loaded = useJson<ExpertView>('/api/expert/competition');
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
  return <Marking view={loaded.data} />;
}

function Marking({ view }: { view: ExpertView }) {
  const { t } = useTranslation('expert');
  const queue = useMarkQueue(view.competition.id, view.expert.id);
  const queued = useQueuedMarks(queue);
  const cells = useMemo(() => cellMarks(view, queued), [view, queued]);
  const days = daysOf(view);
  const [day, setDay] = useRemembered('day', days[0] ?? 0);
  const onDay = subCriteriaOf(view).filter((sub) => sub.day === day);
  const [subId, setSubId] = useRemembered<string | null>('subCriterion', null);
  const sub = onDay.find((candidate) => candidate.id === subId) ?? null;
  const [locks, setLocks] = useState(view.locks);

  return (
    <main className="expert">
      <SyncBar queue={queue} />
      {days.length === 0 && <p role="status">{t('app.noPanels')}</p>}
      <nav className="expert-tabs" aria-label={t('app.days')}>
        {days.map((d) => (
          <button key={d} type="button" aria-pressed={d === day} onClick={() => setDay(d)}>
            {t('app.day', { day: d })}
          </button>
        ))}
      </nav>
      <nav className="expert-tabs" aria-label={t('app.subCriteria')}>
        {onDay.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            aria-pressed={candidate.id === sub?.id}
            onClick={() => setSubId(candidate.id)}
          >
            <strong>{candidate.id}</strong> {candidate.name}
          </button>
        ))}
      </nav>
      {sub && queue && (
        <MarkGrid
          key={sub.id}
          view={view}
          sub={sub}
          cells={cells}
          lock={locks.find((lock) => lock.subCriterion === sub.id && lock.locked)}
          onLocks={setLocks}
          queue={queue}
        />
      )}
    </main>
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
  const sessionEnded = error instanceof SyncHttpError && error.status === 401;

  async function signOut() {
    // Queued marks stay in this expert's store and are sent at its next sign-in; the view the
    // service worker kept goes, so the next expert never opens offline as this one.
    await Promise.allSettled([
      fetch('/api/auth/logout', { method: 'POST' }),
      globalThis.caches?.delete('ashyq-expert-view'),
    ]);
    await navigate('/expert/login', { replace: true });
  }

  return (
    <>
      <div className={`sync-bar ${online ? 'online' : 'offline'}`} role="status">
        <span>{online ? t('app.online') : t('app.offline')}</span>
        <span className="pending">
          {pending > 0 ? t('app.pending', { count: pending }) : t('app.allSaved')}
        </span>
        <button type="button" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </div>
      {sessionEnded && (
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
  lock,
  onLocks,
  queue,
}: {
  view: ExpertView;
  sub: SubCriterion;
  cells: Map<string, CellMark>;
  lock: Lock | undefined;
  onLocks: (locks: Lock[]) => void;
  queue: MarkQueue;
}) {
  const { t } = useTranslation(['expert', 'scoring']);
  const [selected, setSelected] = useState<Selection | null>(null);
  const aspect = sub.aspects.find((candidate) => candidate.code === selected?.aspect);
  const competitor = view.competitors.find((candidate) => candidate.id === selected?.competitor);
  const current = selected && cells.get(cellKey(selected.competitor, selected.aspect));

  function save(value: MarkValue) {
    if (!selected) return;
    void queue.add({ id: newMarkId(), ...selected, value });
    // Experts mark an aspect across competitors, so the next unmarked one in the column follows.
    const next = view.competitors.find(
      (candidate) =>
        candidate.id !== selected.competitor &&
        acceptsEntry(cells.get(cellKey(candidate.id, selected.aspect))),
    );
    setSelected(next ? { competitor: next.id, aspect: selected.aspect } : null);
  }

  if (view.competitors.length === 0) return <p role="status">{t('app.noCompetitors')}</p>;
  return (
    <section className="mark-area">
      {lock && <SignOff lock={lock} expertId={view.expert.id} onLocks={onLocks} />}
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
                    selected={selected?.competitor === person.id && selected.aspect === a.code}
                    onSelect={() => setSelected({ competitor: person.id, aspect: a.code })}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {aspect && competitor ? (
        <section className="entry" aria-label={`${fullName(competitor.name)} ${aspect.code}`}>
          <h2>
            {fullName(competitor.name)} · {aspect.code}
          </h2>
          <p className="aspect-text">{aspect.description}</p>
          {aspect.requirement && (
            <p className="hint">
              {t('mark.requirement')}: {aspect.requirement}
            </p>
          )}
          <p className="hint">{t('mark.maxMark', { max: aspect.maxMark })}</p>
          {current && <CellStatus aspect={aspect} cell={current} />}
          {aspect.type === 'J' && <PanelView panel={panelScores(view, aspect, competitor.id)} />}
          {lock ? null : acceptsEntry(current ?? undefined) ? (
            <MarkEntry key={cellKey(competitor.id, aspect.code)} aspect={aspect} onSave={save} />
          ) : (
            <p className="hint">{t('mark.alreadyMarked')}</p>
          )}
        </section>
      ) : (
        <p className="hint">{t('app.chooseCell')}</p>
      )}
    </section>
  );
}

function GridCell({
  aspect,
  competitorName,
  cell,
  discrepant,
  selected,
  onSelect,
}: {
  aspect: Aspect;
  competitorName: string;
  cell: CellMark | undefined;
  discrepant: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation('expert');
  const state = cell?.state ?? 'empty';
  return (
    <td>
      <button
        type="button"
        className={`cell ${state}${discrepant ? ' discrepant' : ''}`}
        data-aspect={aspect.code}
        data-state={state}
        aria-pressed={selected}
        aria-label={`${competitorName} ${aspect.code}: ${t(`state.${state}`)}${
          discrepant ? `; ${t('mark.discrepancy')}` : ''
        }`}
        onClick={onSelect}
      >
        {cell ? shortValue(aspect, cell.value) : '·'}
        {discrepant && <span className="flag">!</span>}
      </button>
    </td>
  );
}

function CellStatus({ aspect, cell }: { aspect: Aspect; cell: CellMark }) {
  const { t } = useTranslation(['expert', 'scoring']);
  return (
    <p className={`cell-status ${cell.state}`} role="status">
      <strong>{shortValue(aspect, cell.value)}</strong> · {t(`state.${cell.state}`)}
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
