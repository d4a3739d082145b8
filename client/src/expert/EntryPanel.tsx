import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Aspect, type MarkValue } from '@ashyq/shared';
import { Correction } from './Correction';
import { MarkEntry } from './MarkEntry';
import { cellState, entryMode, panelShown, type EntryMode } from './grid-view';
import type { MarkQueue } from './queue';
import {
  formatMark,
  shortValue,
  type CellMark,
  type ExpertView,
  type PanelScores,
  type SeenRescore,
} from './view';

/**
 * The entry panel of the selected cell: what the aspect asks (description, maximum and, for a
 * judgement, its four descriptors), the cell's state, the panel's scores once revealed, and the
 * one thing the expert may do there (grid-view.ts `entryMode` decides which).
 */
export function EntryPanel({
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
  const state = cellState(view, competitor.id, aspect.code, cell);
  const mode = entryMode(aspect, state, cell, { locked, requested: !!request || again });
  const panel = panelShown(view, aspect, competitor.id, mode);
  const entering = mode === 'entry' || mode === 'rescore';

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
      {request && !locked && (
        <p className="rescore-request" role="alert">
          ↻ {t('rescore.requested')}
          {request.reason && <> {t('rescore.reason', { reason: request.reason })}</>}
        </p>
      )}
      <p className="aspect-text">{aspect.description}</p>
      <p className="aspect-facts">
        <span>{t('mark.maxMark', { max: formatMark(aspect.maxMark) })}</span>
        <span>{t(aspect.type === 'J' ? 'mark.typeJ' : 'mark.typeM')}</span>
      </p>
      {aspect.requirement && (
        <p className="hint">
          {t('mark.requirement')}: {aspect.requirement}
        </p>
      )}
      {aspect.type === 'J' && !entering && <Descriptors aspect={aspect} />}
      {cell && <CellStatus aspect={aspect} cell={cell} team={view.team ?? []} />}
      {panel?.kind === 'scores' && <PanelView panel={panel.panel} />}
      {panel?.kind === 'blind' && <p className="hint">{t('mark.blind')}</p>}
      <Action
        mode={mode}
        aspect={aspect}
        competitor={competitor.id}
        cell={cell}
        online={online}
        queue={queue}
        correcting={correcting}
        onSave={onSave}
        onAgain={() => setAgain(true)}
        onCorrecting={setCorrecting}
      />
    </section>
  );
}

function Action({
  mode,
  aspect,
  competitor,
  cell,
  online,
  queue,
  correcting,
  onSave,
  onAgain,
  onCorrecting,
}: {
  mode: EntryMode;
  aspect: Aspect;
  competitor: string;
  cell: CellMark | undefined;
  online: boolean;
  queue: MarkQueue;
  correcting: boolean;
  onSave: (value: MarkValue) => void;
  onAgain: () => void;
  onCorrecting: (open: boolean) => void;
}) {
  const { t } = useTranslation('expert');
  switch (mode) {
    case 'locked':
      // The lock banner above the grid is the one .locked: here a quieter line.
      return <p className="not-needed">{t('app.locked')}</p>;
    case 'notNeeded':
      return <p className="not-needed">{t('mark.panelFull')}</p>;
    case 'entry':
    case 'rescore':
      return <MarkEntry aspect={aspect} onSave={onSave} />;
    case 'offerRescore':
      return (
        <button type="button" onClick={onAgain}>
          {t('rescore.again')}
        </button>
      );
    case 'offerCorrection':
      if (!cell) return null;
      return correcting ? (
        <Correction
          aspect={aspect}
          competitor={competitor}
          cell={cell}
          online={online}
          onSaved={(mark) => void queue.addSaved(mark)}
          onClose={() => onCorrecting(false)}
        />
      ) : (
        <button type="button" onClick={() => onCorrecting(true)}>
          {t('correction.open')}
        </button>
      );
    case 'done':
      return <p className="hint">{t('mark.alreadyMarked')}</p>;
  }
}

/** A judgement's four descriptors, readable where the expert taps (no hover on a tablet). */
function Descriptors({ aspect }: { aspect: Aspect }) {
  const { t } = useTranslation('expert');
  if (!aspect.descriptors?.some(Boolean)) return null;
  return (
    <ol className="descriptors" start={0} aria-label={t('mark.descriptors')}>
      {aspect.descriptors.map((descriptor, score) => (
        <li key={score}>
          <strong>{score}</strong> {descriptor}
        </li>
      ))}
    </ol>
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
function PanelView({ panel }: { panel: PanelScores }) {
  const { t } = useTranslation('expert');
  return (
    <div className="panel-scores">
      <p>{t('mark.panel', { scores: panel.scores.join(' · ') })}</p>
      <p>{t('mark.panelMark', { mark: formatMark(panel.mark) })}</p>
      {panel.discrepant && <p className="discrepancy">{t('mark.discrepancy')}</p>}
    </div>
  );
}
