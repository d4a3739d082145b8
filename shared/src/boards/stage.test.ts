import { describe, expect, it } from 'vitest';
import { competitionStage } from './stage';

const subCriteria = [
  { day: 1, firstAspect: 0, endAspect: 3 },
  { day: 2, firstAspect: 3, endAspect: 4 },
];

describe('competitionStage', () => {
  it('is not started before the first mark', () => {
    expect(
      competitionStage({
        subCriteria,
        locked: [false, false],
        progress: { marked: 0, required: 8 },
        published: false,
      }),
    ).toEqual({ status: 'not_started', markedPercent: 0, lockedPercent: 0, day: 1 });
  });

  it('counts the aspects of the locked sub-criteria, and marks on the earliest open day', () => {
    expect(
      competitionStage({
        subCriteria,
        locked: [true, false],
        progress: { marked: 6, required: 8 },
        published: false,
      }),
    ).toEqual({ status: 'marking', markedPercent: 75, lockedPercent: 75, day: 2 });
  });

  it('weighs a locked sub-criterion by its aspects, not as one of the sub-criteria', () => {
    expect(
      competitionStage({
        subCriteria,
        locked: [false, true],
        progress: { marked: 4, required: 8 },
        published: false,
      }).lockedPercent,
    ).toBe(25);
  });

  it('is locked once every sub-criterion is, and published after that', () => {
    const figures = {
      subCriteria,
      locked: [true, true],
      progress: { marked: 8, required: 8 },
      published: false,
    };
    expect(competitionStage(figures)).toEqual({
      status: 'locked',
      markedPercent: 100,
      lockedPercent: 100,
      day: null,
    });
    expect(competitionStage({ ...figures, published: true }).status).toBe('published');
  });
});
