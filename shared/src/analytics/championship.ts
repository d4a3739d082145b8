import type { CorrectionFigures, MeasurementFigures, RescoreFigures } from './corrections';
import {
  JudgeAnalytics,
  type AnalyticsOptions,
  type JudgeFigures,
  type JudgedCell,
} from './judges';

/**
 * One expert's judging across a championship (docs/judge-analytics.md): its figures in each
 * competition it judged and over all of them together, for certification and next year's panels.
 * The same person is a separate expert record in each competition; the caller says which records
 * are one person (`personOf`), by an identity it keeps to itself.
 */

/** What one competition gives: its cells and log figures under its own expert ids. */
export interface CompetitionJudging {
  competitionId: string;
  /** The competition's rules profile's discrepancy threshold. */
  discrepancyThreshold: number;
  cells: readonly JudgedCell[];
  corrections: CorrectionFigures;
  /** The person behind an expert id of this competition. */
  personOf: (expert: string) => string;
  groupOf?: (competitor: string) => string | undefined;
}

type RescoreCounts = Omit<RescoreFigures, 'judge'>;
type MeasurementCounts = Pick<MeasurementFigures, 'entered' | 'corrected' | 'selfCorrected'>;

export interface ExpertCompetitionFigures {
  competitionId: string;
  /** The expert's id in that competition. */
  expert: string;
  judging: JudgeFigures | null;
  rescores: RescoreCounts;
  measurements: MeasurementCounts;
}

export interface ExpertChampionshipFigures {
  person: string;
  competitions: ExpertCompetitionFigures[];
  /** The judging figures over every cell of every competition together (not a mean of means). */
  judging: JudgeFigures | null;
  rescores: RescoreCounts;
  measurements: MeasurementCounts;
}

const noRescores = (): RescoreCounts => ({ asked: 0, answered: 0, changed: 0, ownChanges: 0 });
const noMeasurements = (): MeasurementCounts => ({ entered: 0, corrected: 0, selfCorrected: 0 });

function addCounts<T extends object>(into: T, from: T): void {
  const target = into as Record<string, number>;
  for (const [key, value] of Object.entries(from as Record<string, number>)) target[key]! += value;
}

/**
 * Every person's figures, by person key; each competition's rows in the order given. Cells of
 * different competitions never meet: competitor and aspect are prefixed with the competition.
 */
export function championshipJudgeFigures(
  competitions: readonly CompetitionJudging[],
  options: Partial<Omit<AnalyticsOptions, 'discrepancyThreshold'>> = {},
): ExpertChampionshipFigures[] {
  const people = new Map<string, ExpertChampionshipFigures>();
  const personFigures = (person: string) => {
    let figures = people.get(person);
    if (!figures) {
      figures = {
        person,
        competitions: [],
        judging: null,
        rescores: noRescores(),
        measurements: noMeasurements(),
      };
      people.set(person, figures);
    }
    return figures;
  };
  const groups = new Map<string, string | undefined>();
  const overall = new JudgeAnalytics((competitor) => groups.get(competitor), options);

  for (const competition of competitions) {
    const { competitionId, personOf } = competition;
    const rows = new Map<string, ExpertCompetitionFigures>();
    const row = (expert: string) => {
      let found = rows.get(expert);
      if (!found) {
        found = {
          competitionId,
          expert,
          judging: null,
          rescores: noRescores(),
          measurements: noMeasurements(),
        };
        rows.set(expert, found);
      }
      return found;
    };
    const analytics = new JudgeAnalytics(competition.groupOf, {
      ...options,
      discrepancyThreshold: competition.discrepancyThreshold,
    });
    for (const cell of competition.cells) {
      analytics.setCell(cell);
      const competitor = `${competitionId}\u0000${cell.competitor}`;
      groups.set(competitor, competition.groupOf?.(cell.competitor));
      overall.setCell({
        competitor,
        aspect: `${competitionId}\u0000${cell.aspect}`,
        scores: cell.scores.map((score) => ({ ...score, judge: personOf(score.judge) })),
        discrepancyThreshold: competition.discrepancyThreshold,
      });
    }
    for (const figures of analytics.all()) row(figures.judge).judging = figures;
    for (const { judge, ...counts } of competition.corrections.rescores) {
      addCounts(row(judge).rescores, counts);
    }
    for (const { expert, entered, corrected, selfCorrected } of competition.corrections
      .measurements) {
      addCounts(row(expert).measurements, { entered, corrected, selfCorrected });
    }
    for (const [expert, figures] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
      const person = personFigures(personOf(expert));
      person.competitions.push(figures);
      addCounts(person.rescores, figures.rescores);
      addCounts(person.measurements, figures.measurements);
    }
  }
  for (const person of people.values()) person.judging = overall.judge(person.person) ?? null;
  return [...people.keys()].sort().map((person) => people.get(person)!);
}
