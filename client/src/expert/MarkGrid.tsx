import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, shortName, type MarkValue, type SubCriterion } from '@ashyq/shared';
import { EntryPanel } from './EntryPanel';
import { SignOff } from './SignOff';
import {
  aspectHeading,
  cellState,
  entryScroll,
  legendStates,
  nextToMark,
  sidewaysScroll,
  type CellState,
  type LegendState,
} from './grid-view';
import { newMarkId, type MarkQueue } from './queue';
import { useOnline } from './useMarkQueue';
import {
  cellKey,
  panelScores,
  shortValue,
  type CellMark,
  type ExpertView,
  type Lock,
  type SeenRescore,
} from './view';

export interface Selection {
  competitor: string;
  aspect: string;
}

/**
 * One sub-criterion's grid (competitors down, aspects across) beside or under the entry panel of
 * the selected cell; in landscape the panel sits beside the grid so every row stays in sight.
 */
export function MarkGrid({
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
  const area = useRef<HTMLElement>(null);
  const open = aspect && competitor ? `${competitor.id}|${aspect.code}` : null;

  // The entry covers the bottom of a portrait screen: keep the grid (or the row) in sight above
  // it when a cell opens, and again when the tablet turns; a grid wider than its box (many
  // aspects, large text) scrolls sideways to the tapped cell.
  useEffect(() => {
    if (!open) return;
    const keepInSight = () => {
      const section = area.current;
      const box = section?.querySelector('.grid-scroll');
      const table = section?.querySelector('table.mark-grid');
      const row = section?.querySelector('tr[aria-current="true"]');
      const cell = row?.querySelector('.cell[aria-pressed="true"]');
      const entry = section?.querySelector('section.entry');
      if (!box || !table || !row || !entry) return;
      const visible = box.getBoundingClientRect();
      const sheet = entry.getBoundingClientRect();
      const room = sheet.left >= visible.right ? window.innerHeight : sheet.top;
      const delta = entryScroll(table.getBoundingClientRect(), row.getBoundingClientRect(), room);
      if (delta !== 0) window.scrollBy({ top: delta });
      const name = row.querySelector('th');
      if (!cell || !name) return;
      const names =
        getComputedStyle(name).position === 'sticky'
          ? name.getBoundingClientRect().right
          : visible.left;
      const sideways = sidewaysScroll(visible, cell.getBoundingClientRect(), names);
      if (sideways !== 0) box.scrollBy({ left: sideways });
    };
    keepInSight();
    window.addEventListener('resize', keepInSight);
    return () => window.removeEventListener('resize', keepInSight);
  }, [open]);

  function save(value: MarkValue) {
    if (!selected) return;
    const again = cells.has(cellKey(selected.competitor, selected.aspect));
    void queue.add({ id: newMarkId(), ...selected, value });
    // A re-score stays on its cell, where the panel's new scores appear; a first entry moves on
    // to the next competitor of the column still waiting for a mark.
    if (again) return;
    const next = nextToMark(view, cells, selected);
    onSelect(next ? { competitor: next, aspect: selected.aspect } : null);
  }

  if (view.competitors.length === 0) return <p role="status">{t('app.noCompetitors')}</p>;
  return (
    <section ref={area} className={`mark-area${open ? ' with-entry' : ''}`}>
      <div className="grid-side">
        {lock && (
          <SignOff lock={lock} expertId={view.expert.id} online={online} onLocks={onLocks} />
        )}
        <div className="grid-scroll">
          <table className="mark-grid">
            <thead>
              <tr>
                <th scope="col">{t('app.competitor')}</th>
                {sub.aspects.map((a) => {
                  const heading = aspectHeading(a);
                  return (
                    <th key={a.code} scope="col" className="aspect-head">
                      <span className="code">{heading.short}</span>
                      <span className="max">{t('mark.maxShort', { max: heading.max })}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {view.competitors.map((person) => (
                <tr
                  key={person.id}
                  aria-current={selected?.competitor === person.id ? 'true' : undefined}
                >
                  <th scope="row">
                    {/* Upright, surname and initials keep each row one line (expert.css). */}
                    <span className="name-full">{fullName(person.name)}</span>
                    <span className="name-short">{shortName(person.name)}</span>
                  </th>
                  {sub.aspects.map((a) => {
                    const cell = cells.get(cellKey(person.id, a.code));
                    return (
                      <GridCell
                        key={a.code}
                        code={a.code}
                        text={cell ? shortValue(a, cell.value) : null}
                        competitorName={fullName(person.name)}
                        state={cellState(view, person.id, a.code, cell)}
                        team={!!cell?.by}
                        locked={!!lock}
                        discrepant={a.type === 'J' && !!panelScores(view, a, person.id)?.discrepant}
                        rescore={!!asked(person.id, a.code)}
                        selected={selected?.competitor === person.id && selected.aspect === a.code}
                        onSelect={() => onSelect({ competitor: person.id, aspect: a.code })}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Legend />
      </div>
      {open && aspect && competitor ? (
        <EntryPanel
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
        <p className="hint choose-cell">{t('app.chooseCell')}</p>
      )}
    </section>
  );
}

/** What a cell shows in each state: the value, or a sign when there is none. */
const emptyText: Record<CellState, string> = {
  empty: '·',
  notNeeded: '—',
  queued: '·',
  saved: '·',
  rejected: '·',
};

function GridCell({
  code,
  text,
  competitorName,
  state,
  team,
  locked,
  discrepant,
  rescore,
  selected,
  onSelect,
}: {
  code: string;
  text: string | null;
  competitorName: string;
  state: CellState;
  team: boolean;
  locked: boolean;
  discrepant: boolean;
  rescore: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation('expert');
  const notes = [
    t(`state.${state}`),
    team && t('mark.teamMark'),
    locked && t('state.locked'),
    discrepant && t('mark.discrepancy'),
    rescore && t('rescore.badge'),
  ].filter(Boolean);
  return (
    <td>
      <button
        type="button"
        className={`cell ${state}${team ? ' team' : ''}${locked ? ' cell-locked' : ''}${
          discrepant ? ' discrepant' : ''
        }${rescore ? ' rescore' : ''}`}
        data-aspect={code}
        data-state={state}
        aria-pressed={selected}
        aria-label={`${competitorName} ${code}: ${notes.join('; ')}`}
        onClick={onSelect}
      >
        {text ?? emptyText[state]}
        {discrepant && <span className="flag">!</span>}
        {rescore && <span className="rescore-mark">↻</span>}
      </button>
    </td>
  );
}

const swatchClass: Record<LegendState, string> = {
  empty: 'empty',
  saved: 'saved',
  team: 'saved team',
  queued: 'queued',
  rejected: 'rejected',
  notNeeded: 'notNeeded',
  locked: 'saved cell-locked',
};
const swatchText: Record<LegendState, string> = {
  empty: '·',
  saved: '2',
  team: '✓',
  queued: '2',
  rejected: '2',
  notNeeded: '—',
  locked: '2',
};

/** Every look a cell can have, with its meaning, under the grid. */
function Legend() {
  const { t } = useTranslation('expert');
  return (
    <ul className="cell-legend" aria-label={t('legend.title')}>
      {legendStates.map((state) => (
        <li key={state}>
          <span className={`cell swatch ${swatchClass[state]}`} aria-hidden="true">
            {swatchText[state]}
          </span>
          {t(`legend.${state}`)}
        </li>
      ))}
    </ul>
  );
}
