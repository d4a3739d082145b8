import { describe, expect, it } from 'vitest';
import { wskChampionship2024 } from '../profiles/wsk-championship@2024';
import { binary, event, fullMarks, judged, recorded, sampleScheme } from './fixtures';
import { CompetitionProjection } from './projection';
import type { ScoringEvent } from './events';

function projection(...events: ScoringEvent[]) {
  const p = CompetitionProjection.create({
    scheme: sampleScheme(),
    profile: wskChampionship2024,
    competitors: ['c1', 'c2', 'c3'].map((id) => ({ id, guest: id === 'c3' })),
  });
  for (const e of events) expect(p.apply(e)).toMatchObject({ ok: true });
  return p;
}

describe('progressMatrix', () => {
  it('gives each active competitor a cell per sub-criterion with who marked it', () => {
    const p = projection(
      binary('1', 'c1', 'A1.M1'),
      judged('2', 'c1', 'A1.J1', 'e3', 2),
      judged('3', 'c1', 'A1.J1', 'e2', 2),
      recorded('4', 'c2', 'A2.M1', 'e4', { kind: 'choice', option: 0 }),
    );
    const cell = (subCriterion: string, competitor: string) =>
      p
        .progressMatrix()
        .find((c) => c.subCriterion === subCriterion && c.competitor === competitor);
    // Two of three judges count toward no mark yet: A1.J1 is unmarked, its judges are shown.
    expect(cell('A1', 'c1')).toEqual({
      subCriterion: 'A1',
      competitor: 'c1',
      marked: 1,
      required: 3,
      experts: ['e1', 'e2', 'e3'],
    });
    expect(cell('A2', 'c2')).toMatchObject({ marked: 1, required: 1, experts: ['e4'] });
    expect(cell('B1', 'c3')).toMatchObject({ marked: 0, required: 2, experts: [] });
    expect(p.progressMatrix()).toHaveLength(3 * 3);
  });

  it('sums per sub-criterion to the progress, leaving out absent and withdrawn competitors', () => {
    const p = projection(
      ...fullMarks('c1', 'a'),
      ...fullMarks('c2', 'b').slice(0, 4),
      event('competitor.status', { competitor: 'c3', status: 'withdrawn', reason: 'Ill' }),
    );
    const matrix = p.progressMatrix();
    expect(matrix.some((c) => c.competitor === 'c3')).toBe(false);
    for (const sub of p.progress().subCriteria) {
      const cells = matrix.filter((c) => c.subCriterion === sub.subCriterion);
      expect(cells.reduce((sum, c) => sum + c.marked, 0)).toBe(sub.marked);
      expect(cells.reduce((sum, c) => sum + c.required, 0)).toBe(sub.required);
    }
  });

  it('names only the judges whose marks count now', () => {
    const p = projection(
      judged('1', 'c1', 'B1.J1', 'e1', 2),
      event('mark.withdrawn', { markId: 'mk_00000001', reason: 'Wrong competitor' }),
      judged('2', 'c1', 'B1.J1', 'e2', 2),
    );
    expect(
      p.progressMatrix().find((c) => c.competitor === 'c1' && c.subCriterion === 'B1'),
    ).toMatchObject({ marked: 0, experts: ['e2'] });
  });
});
