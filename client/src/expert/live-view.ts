import {
  cellKey,
  type ExpertView,
  type Lock,
  type RescoreRequest,
  type RevealedScores,
  type SeenRescore,
  type TeamMark,
} from './view';

/** The expert's view as the tablet keeps it between refetches, changed by the `/expert` pushes. */
export interface LiveView {
  view: ExpertView;
  rescores: SeenRescore[];
}

/** What changes the live view; `now` is the tablet's clock, passed in to keep this pure. */
export type LiveViewAction =
  | { type: 'view'; view: ExpertView; now: number }
  | { type: 'scores'; scores: RevealedScores }
  | { type: 'lock'; lock: Lock }
  | { type: 'locks'; locks: Lock[] }
  | { type: 'rescore'; request: RescoreRequest; now: number }
  | { type: 'teamMarks'; marks: TeamMarkPush[] }
  | { type: 'panel'; competitor: string; aspect: string; full: boolean };

/** A measurement cell as a teammate's entry left it; null when its mark no longer counts. */
export interface TeamMarkPush {
  competitor: string;
  aspect: string;
  mark: Omit<TeamMark, 'competitor' | 'aspect'> | null;
}

const sameCell = (a: { competitor: string; aspect: string }, b: typeof a) =>
  cellKey(a.competitor, a.aspect) === cellKey(b.competitor, b.aspect);

/** The requests of a fresh view, each keeping when the tablet first saw it. */
function seen(
  requests: readonly RescoreRequest[],
  before: readonly SeenRescore[],
  now: number,
): SeenRescore[] {
  return requests.map((request) => {
    const known = before.find((old) => sameCell(old, request) && old.at === request.at);
    return { ...request, seenAt: known?.seenAt ?? now };
  });
}

export function initialLiveView(view: ExpertView, now: number): LiveView {
  return { view, rescores: seen(view.rescoreRequests ?? [], [], now) };
}

export function liveViewReducer(state: LiveView, action: LiveViewAction): LiveView {
  const { view } = state;
  switch (action.type) {
    case 'view':
      return {
        view: action.view,
        rescores: seen(action.view.rescoreRequests ?? [], state.rescores, action.now),
      };
    case 'scores': {
      const { competitor, aspect, scores, discrepancy } = action.scores;
      const entry: RevealedScores = { competitor, aspect, scores, discrepancy };
      const others = (view.revealedScores ?? []).filter((old) => !sameCell(old, entry));
      return { ...state, view: { ...view, revealedScores: [...others, entry] } };
    }
    case 'lock': {
      const others = view.locks.filter((old) => old.subCriterion !== action.lock.subCriterion);
      return { ...state, view: { ...view, locks: [...others, action.lock] } };
    }
    case 'locks':
      return { ...state, view: { ...view, locks: action.locks } };
    case 'teamMarks': {
      let teamMarks = view.teamMarks ?? [];
      for (const { competitor, aspect, mark } of action.marks) {
        // The push is the whole team's, this expert's own marks with it: those the tablet has.
        if (mark?.expert === view.expert.id) continue;
        teamMarks = teamMarks.filter((old) => !sameCell(old, { competitor, aspect }));
        if (mark) teamMarks = [...teamMarks, { ...mark, competitor, aspect }];
      }
      return { ...state, view: { ...view, teamMarks } };
    }
    case 'panel': {
      const { competitor, aspect, full } = action;
      const others = (view.fullPanels ?? []).filter((old) => !sameCell(old, action));
      const fullPanels = full ? [...others, { competitor, aspect }] : others;
      return { ...state, view: { ...view, fullPanels } };
    }
    case 'rescore': {
      const others = state.rescores.filter((old) => !sameCell(old, action.request));
      return { ...state, rescores: [...others, { ...action.request, seenAt: action.now }] };
    }
  }
}

/**
 * Reads of the view that never overwrite something newer: a read that a push overtook is
 * dropped and made again (the push may have changed what the read had already taken), and of
 * overlapping reads only the last one started is applied.
 */
export class ViewReader {
  private pushes = 0;
  private reads = 0;

  constructor(
    private readonly read: () => Promise<ExpertView | null>,
    private readonly apply: (view: ExpertView) => void,
  ) {}

  /** Call for every push applied to the view. */
  pushed(): void {
    this.pushes += 1;
  }

  async refetch(): Promise<void> {
    const ticket = ++this.reads;
    const pushesBefore = this.pushes;
    const view = await this.read();
    if (!view || ticket !== this.reads) return;
    if (this.pushes !== pushesBefore) return this.refetch();
    this.apply(view);
  }
}
