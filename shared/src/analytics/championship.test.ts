import { describe, expect, it } from 'vitest';
import { championshipJudgeFigures, type CompetitionJudging } from './championship';
import { judgeFigures, type JudgedCell } from './judges';

const at = '2026-03-11T05:00:00.000Z';
const cells = (scores: number[][], judges: string[]): JudgedCell[] =>
  scores.map((row, c) => ({
    competitor: `c${c + 1}`,
    aspect: 'A1.J1',
    scores: row.map((score, j) => ({ judge: judges[j]!, score, at })),
  }));
const none = { rescores: [], measurements: [] };

describe('an expert across a championship', () => {
  // The same person (Aigul) is e1 in web and e3 in cooking; e1 of cooking is someone else.
  const people: Record<string, Record<string, string>> = {
    web: { e1: 'aigul', e2: 'bolat', e3: 'dana' },
    cooking: { e1: 'erlan', e2: 'farida', e3: 'aigul' },
  };
  const web: CompetitionJudging = {
    competitionId: 'web',
    discrepancyThreshold: 1,
    cells: cells(
      [
        [3, 2, 2],
        [2, 1, 1],
      ],
      ['e1', 'e2', 'e3'],
    ),
    corrections: {
      rescores: [{ judge: 'e1', asked: 2, answered: 2, changed: 1, ownChanges: 1 }],
      measurements: [],
    },
    personOf: (expert) => people.web![expert]!,
  };
  const cooking: CompetitionJudging = {
    competitionId: 'cooking',
    discrepancyThreshold: 1,
    cells: cells([[1, 1, 2]], ['e1', 'e2', 'e3']),
    corrections: {
      rescores: [{ judge: 'e3', asked: 1, answered: 0, changed: 0, ownChanges: 0 }],
      measurements: [
        { expert: 'e1', entered: 4, corrected: 1, selfCorrected: 0, by: [], corrections: [] },
      ],
    },
    personOf: (expert) => people.cooking![expert]!,
  };

  it('gathers one person’s competitions under one key and adds its counts', () => {
    const figures = championshipJudgeFigures([web, cooking]);
    expect(figures.map((f) => f.person)).toEqual(['aigul', 'bolat', 'dana', 'erlan', 'farida']);
    const aigul = figures.find((f) => f.person === 'aigul')!;
    expect(aigul.competitions.map((c) => [c.competitionId, c.expert])).toEqual([
      ['web', 'e1'],
      ['cooking', 'e3'],
    ]);
    // +1 in each web cell, +1 in cooking: 3 cells at +1 over the championship.
    expect(aigul.competitions.map((c) => c.judging!.severity)).toEqual([
      { n: 2, mean: 1, spread: 0 },
      { n: 1, mean: 1, spread: 0 },
    ]);
    expect(aigul.judging!.severity).toEqual({ n: 3, mean: 1, spread: 0 });
    expect(aigul.judging!.judge).toBe('aigul');
    expect(aigul.rescores).toEqual({ asked: 3, answered: 2, changed: 1, ownChanges: 1 });
    // Cooking's e1 is Erlan, not Aigul: its measurements are his.
    expect(aigul.measurements).toEqual({ entered: 0, corrected: 0, selfCorrected: 0 });
    expect(figures.find((f) => f.person === 'erlan')!.measurements).toEqual({
      entered: 4,
      corrected: 1,
      selfCorrected: 0,
    });
  });

  it('computes the overall figures over the cells themselves, as one competition would', () => {
    const figures = championshipJudgeFigures([web, cooking]);
    const asOne = judgeFigures(
      [web, cooking].flatMap((competition) =>
        competition.cells.map((cell) => ({
          ...cell,
          competitor: `${competition.competitionId}/${cell.competitor}`,
          scores: cell.scores.map((s) => ({ ...s, judge: competition.personOf(s.judge) })),
        })),
      ),
    );
    expect(figures.map((f) => f.judging)).toEqual(asOne);
  });

  it('lists a person with log figures only, and nobody for a competition with nothing', () => {
    const figures = championshipJudgeFigures([
      { ...web, cells: [] },
      { ...cooking, cells: [], corrections: none },
    ]);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ person: 'aigul', judging: null });
  });
});
