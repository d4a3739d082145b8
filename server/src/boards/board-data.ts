import {
  defaultTeamRules,
  boardLabel,
  effectivePublication,
  getProfile,
  competitionStage,
  median,
  medalTables,
  roundHalfUp,
  revealAt,
  totalsOf,
  type Board,
  type BoardRow,
  type Championship,
  type ChampionshipOverview,
  type Competition,
  type CompetitionStage,
  type CompetitionSummary,
  type CompetitorDetail,
  type Localized,
} from '@ashyq/shared';
import {
  publicBoard,
  publicationPolicyOf,
  type BoardView,
  type Board as StateBoard,
  type BoardRow as StateRow,
} from './board';
import { freezeTimeOf, stateAsOf } from './frozen-state';
import type { CompetitionRuntime } from '../competitions/runtime';
import type { RuntimeState } from '../competitions/runtime-state';
import type { CompetitionRegistry } from '../competitions/registry';
import type { EventLog } from '../events/event-log';
import type { Store } from '../store/port';
import type { CeremonyStore } from './ceremonies';
import { ReferenceRepository } from '../domain/reference';
import { isExamChampionship } from '../exam/marking';

/** College names change rarely; a board refresh should not read each one every time. */
const collegeNamesTtlMs = 60_000;

/** Where the state of a competition comes from: its runtime, or a follower of another writer. */
export type StateOf = (runtime: CompetitionRuntime) => RuntimeState;

/** What the boards read: the store, the log and the running competitions. */
export interface BoardSources {
  store: Store;
  log: EventLog;
  competitions: CompetitionRegistry;
}

/**
 * The public payloads (shared `Board`, `ChampionshipOverview`) as the publication policy, the
 * freeze time and a running ceremony allow, for HTTP and /board alike.
 */
export class BoardData {
  private readonly collegeNames = new Map<string, { name: Localized | null; until: number }>();
  private readonly frozen = new Map<string, Frozen>();
  private readonly reference: ReferenceRepository;

  constructor(
    private readonly services: BoardSources,
    readonly ceremonies: CeremonyStore,
    private readonly stateOf: StateOf = (runtime) => runtime.state,
  ) {
    this.reference = new ReferenceRepository(services.store);
  }

  /** The competition's board, or undefined when it is not running (no scheme yet). */
  async competitionBoard(
    competitionId: string,
    view: BoardView = 'public',
  ): Promise<Board | undefined> {
    const runtime = await this.runtime(competitionId);
    if (!runtime) return undefined;
    const { context } = runtime;
    // A demo exam marks through a competition too, but students' results are never public.
    if (view === 'public' && isExamChampionship(context.championship)) return undefined;
    const state = this.stateOf(runtime);
    const ceremony = view === 'public' ? await this.ceremonies.get(competitionId) : undefined;
    let board: StateBoard;
    let shown: Board['ceremony'] = null;
    if (ceremony) {
      // The organiser reveals the final figures step by step, whatever the policy hid so far.
      const full = publicBoard(context, state, 'staff');
      const reveal = revealAt(withCollege(full.rows ?? []), ceremony.mode, ceremony.step);
      board = { ...full, view: 'public', rows: reveal.rows };
      shown = reveal.view;
    } else {
      board = await this.policyBoard(runtime, state, view);
    }
    const index = state.scoring.index;
    const maxima = totalsOf(index, index.maxMarks).criteria;
    return {
      ...board,
      championshipId: context.competition.championshipId,
      skill: context.competition.skill,
      criteria: index.criteria.map((criterion, i) => ({
        id: criterion.id,
        name: index.scheme.criteria[i]?.name ?? '',
        max: Math.round(maxima[i]! * 100) / 100,
      })),
      rows: board.rows ? await this.named(board.rows) : null,
      frozenAt: board.frozenAt ?? null,
      ceremony: shown,
    };
  }

  /** Every competition of the championship with its progress, leader and the medal tables. */
  async championshipOverview(championshipId: string): Promise<ChampionshipOverview | undefined> {
    const championship = await this.reference.find('championships', championshipId);
    if (!championship) return undefined;
    // A running competition's document is parsed already; only the others are read again.
    const competitions: Competition[] = [];
    for (const id of await this.reference.ids('competitions', { championshipId })) {
      const running = this.services.competitions.get(id)?.context.competition;
      const competition = running ?? (await this.reference.find('competitions', id));
      if (competition) competitions.push(competition);
    }
    const summaries: CompetitionSummary[] = [];
    const medalRows: BoardRow[] = [];
    const counted: string[] = [];
    let provisional = false;
    for (const competition of competitions) {
      const board = await this.competitionBoard(competition.id);
      summaries.push(await this.summary(championship, competition, board));
      // Competitions not final yet may still add medals: the table is provisional until then.
      provisional ||= !board?.published;
      // Final competitions only; a ceremony under way keeps its medals out until it ends.
      if (!board?.rows || board.ceremony || !board.published) continue;
      counted.push(competition.id);
      medalRows.push(...board.rows);
    }
    const rules = getProfile(championship.profileId)?.teams ?? defaultTeamRules;
    const tables = medalTables(medalRows, rules);
    const colleges = await Promise.all(
      tables.colleges.map(async (row) => ({ ...row, name: await this.collegeName(row.team) })),
    );
    return {
      championshipId,
      name: championship.name,
      startsOn: championship.startsOn,
      endsOn: championship.endsOn,
      competitions: summaries,
      medals: { provisional, counted, regions: tables.regions, colleges },
    };
  }

  /** A competitor's criteria against the field and its counted total day by day. */
  async competitorDetail(
    competitionId: string,
    competitorId: string,
  ): Promise<CompetitorDetail | undefined> {
    const board = await this.competitionBoard(competitionId);
    const runtime = this.services.competitions.get(competitionId);
    if (!board || !runtime) return undefined;
    const state = this.stateOf(runtime);
    const person = state.people.get(competitorId);
    if (!person) return undefined;
    const row = board.rows?.find((r) => r.competitor === competitorId) ?? null;
    const field = (board.rows ?? []).filter((r) => r.position !== null);
    const criteria = board.criteria.map(({ id, name, max }) => {
      const values = field.map((r) => r.criteria[id] ?? 0);
      return {
        id,
        name,
        max,
        value: row ? (row.criteria[id] ?? 0) : null,
        best: values.length > 0 ? Math.max(...values) : 0,
        median: values.length > 0 ? roundHalfUp(median(values), 2) : 0,
      };
    });
    return {
      competitionId,
      championshipId: board.championshipId,
      skill: board.skill,
      policy: board.policy,
      published: board.published,
      provisional: board.provisional,
      competitor: {
        competitor: competitorId,
        name: person.name,
        college: person.collegeId ? await this.collegeName(person.collegeId) : null,
        regionId: person.regionId,
      },
      row,
      criteria,
      // A frozen or ceremony board shows no more than its rows: no day-by-day figures then.
      days: row && !board.frozenAt && !board.ceremony ? this.days(state, competitorId, board) : [],
    };
  }

  private days(state: RuntimeState, competitorId: string, board: Board) {
    const result = state.scoring.competitorResult(competitorId);
    if (!result) return [];
    const counted = new Set(board.counted);
    const byDay = new Map<number, number>();
    // A day is drawn once something of it counts for this competitor: before day 2 is marked,
    // the line has no day-2 point repeating day 1's total.
    const started = new Set<number>();
    for (const sub of state.scoring.index.subCriteria) {
      const own = result.subCriteria[sub.id];
      const value = counted.has(sub.id) ? (own ?? 0) : 0;
      if (counted.has(sub.id) && own !== undefined && own !== 0) started.add(sub.day);
      byDay.set(sub.day, (byDay.get(sub.day) ?? 0) + value);
    }
    let total = 0;
    const last = Math.max(0, ...started);
    return [...byDay.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, sum]) => ({ day, total: roundHalfUp((total += sum), 2) }))
      .filter(({ day }) => day <= last);
  }

  private async summary(
    championship: Championship,
    competition: Competition,
    board: Board | undefined,
  ): Promise<CompetitionSummary> {
    const runtime = this.services.competitions.get(competition.id);
    const base = { id: competition.id, skill: competition.skill };
    if (!runtime || !board) {
      const policy = effectivePublication(
        competition,
        championship,
        getProfile(competition.profileId)?.publicationDefault ?? 'locked',
      ).policy;
      const subCriteria = (competition.scheme?.criteria ?? []).flatMap((c) => c.subCriteria);
      return {
        ...base,
        policy,
        label: boardLabel({
          published: false,
          stage: 'marking',
          correctedAt: null,
          policy,
          rows: null,
          locked: { count: 0, of: subCriteria.length },
          frozenAt: null,
        }),
        status: 'not_started',
        markedPercent: 0,
        lockedPercent: 0,
        day: null,
        leader: null,
      };
    }
    const leader = board.rows?.find((row) => row.position === 1 && row.total > 0);
    return {
      ...base,
      policy: board.policy,
      label: boardLabel(board),
      ...(await this.publicStage(runtime)),
      leader: leader
        ? {
            competitor: leader.competitor,
            name: leader.name,
            regionId: leader.regionId,
            total: leader.total,
          }
        : null,
    };
  }

  /**
   * A running competition's progress as the public may see it: during a freeze, as it stood at
   * the freeze time.
   */
  async publicProgress(
    competitionId: string,
  ): Promise<{ progress: Board['progress']; published: boolean } | undefined> {
    const runtime = this.services.competitions.get(competitionId);
    if (!runtime) return undefined;
    const state = this.stateOf(runtime);
    const frozen = await this.frozenFor(runtime, state);
    const { marked, required } = (frozen?.state ?? state).scoring.progress();
    return { progress: { marked, required }, published: state.results.published !== null };
  }

  /** The board under the publication policy, or as it stood at the freeze time. */
  private async policyBoard(
    runtime: CompetitionRuntime,
    state: RuntimeState,
    view: BoardView,
  ): Promise<StateBoard> {
    const frozen = view === 'public' ? await this.frozenFor(runtime, state) : undefined;
    return frozen?.board ?? publicBoard(runtime.context, state, view);
  }

  /** The overview's status, progress and day: the public's stop changing at the freeze time. */
  private async publicStage(runtime: CompetitionRuntime): Promise<CompetitionStage> {
    const state = this.stateOf(runtime);
    return stageOf((await this.frozenFor(runtime, state))?.state ?? state);
  }

  /** What the public sees of the competition once its freeze time passed, until publication. */
  private async frozenFor(
    runtime: CompetitionRuntime,
    state: RuntimeState,
  ): Promise<Frozen | undefined> {
    const freezeAt = freezeTimeOf(runtime.context);
    if (!freezeAt || state.results.published || Date.now() < Date.parse(freezeAt)) return undefined;
    const key = `${runtime.id}|${freezeAt}|${publicationPolicyOf(runtime.context)}`;
    let frozen = this.frozen.get(key);
    if (!frozen) {
      // The log before the freeze time never changes: replayed once per freeze time.
      const then = await stateAsOf(this.services.log, runtime.context, freezeAt);
      frozen = {
        state: then,
        board: { ...publicBoard(runtime.context, then, 'public'), frozenAt: freezeAt },
      };
      this.frozen.set(key, frozen);
    }
    return frozen;
  }

  private async runtime(competitionId: string): Promise<CompetitionRuntime | undefined> {
    const running = this.services.competitions.get(competitionId);
    if (running) return running;
    if (!(await this.reference.find('competitions', competitionId))?.scheme) return undefined;
    return this.services.competitions.open(competitionId);
  }

  private async named(rows: readonly StateRow[]): Promise<BoardRow[]> {
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        college: row.collegeId ? await this.collegeName(row.collegeId) : null,
      })),
    );
  }

  private async collegeName(collegeId: string): Promise<Localized | null> {
    const cached = this.collegeNames.get(collegeId);
    if (cached && cached.until > Date.now()) return cached.name;
    const name = (await this.reference.find('colleges', collegeId))?.name ?? null;
    this.collegeNames.set(collegeId, { name, until: Date.now() + collegeNamesTtlMs });
    return name;
  }
}

/** The competition's state at the freeze time, and its public board then. */
interface Frozen {
  state: RuntimeState;
  board: StateBoard & { frozenAt: string };
}

function stageOf(state: RuntimeState): CompetitionStage {
  const { scoring } = state;
  const { marked, required } = scoring.progress();
  return competitionStage({
    subCriteria: scoring.index.subCriteria,
    locked: scoring.lockState().map((lock) => lock.locked),
    progress: { marked, required },
    published: state.results.published !== null,
  });
}

/** Ceremony steps work on shared rows; the college name is filled in afterwards. */
function withCollege(rows: readonly StateRow[]): BoardRow[] {
  return rows.map((row) => ({ ...row, college: null }));
}
