import { describe, expect, it } from 'vitest';
import { applySchemeEdits, schemeEditSchema } from './edit';
import type { MarkingScheme } from './schema';

const scheme: MarkingScheme = {
  skill: { number: '17', name: 'Web Technologies' },
  sections: [{ id: '1', name: 'Work organisation', weight: 100 }],
  criteria: [
    {
      id: 'A',
      name: 'Layuot',
      maxMark: 3,
      subCriteria: [
        {
          id: 'A1',
          name: 'Page',
          day: 1,
          aspects: [
            { code: 'A1.M1', type: 'M', description: 'Header', section: '1', maxMark: 1 },
            {
              code: 'A1.J1',
              type: 'J',
              description: 'Look',
              section: '1',
              maxMark: 2,
              descriptors: ['poor', 'fair', 'good', 'excellent'],
            },
          ],
        },
      ],
    },
  ],
};

describe('scheme edits', () => {
  it('changes names, descriptions, descriptors and max marks, leaving the original alone', () => {
    const result = applySchemeEdits(scheme, [
      { target: 'criterion', id: 'A', name: 'Layout' },
      { target: 'subCriterion', id: 'A1', name: 'Home page' },
      { target: 'aspect', code: 'A1.M1', description: 'Header with logo', maxMark: 1.5 },
      { target: 'aspect', code: 'A1.J1', descriptors: ['none', 'some', 'most', 'all'] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const criterion = result.scheme.criteria[0]!;
    expect(criterion.name).toBe('Layout');
    expect(criterion.subCriteria[0]!.name).toBe('Home page');
    expect(criterion.subCriteria[0]!.aspects[0]).toMatchObject({
      description: 'Header with logo',
      maxMark: 1.5,
    });
    expect(criterion.subCriteria[0]!.aspects[1]!.descriptors).toEqual([
      'none',
      'some',
      'most',
      'all',
    ]);
    expect(scheme.criteria[0]!.name).toBe('Layuot');
  });

  it('names the first edit of something the scheme does not have', () => {
    expect(
      applySchemeEdits(scheme, [
        { target: 'criterion', id: 'A', name: 'Layout' },
        { target: 'aspect', code: 'A1.M9', description: 'x' },
      ]),
    ).toEqual({ ok: false, index: 1, reason: 'unknown_target' });
    expect(
      applySchemeEdits(scheme, [
        { target: 'aspect', code: 'A1.M1', descriptors: ['a', 'b', 'c', 'd'] },
      ]),
    ).toEqual({ ok: false, index: 0, reason: 'not_judgement' });
  });

  it('refuses structural fields and empty or negative values at the edge', () => {
    const parse = (edit: unknown) => schemeEditSchema.safeParse(edit).success;
    expect(parse({ target: 'aspect', code: 'A1.M1', type: 'J' })).toBe(false);
    expect(parse({ target: 'aspect', code: 'A1.M1', maxMark: 0 })).toBe(false);
    expect(parse({ target: 'subCriterion', id: 'A1', name: ' ' })).toBe(false);
    expect(parse({ target: 'criterion', id: 'A', maxMark: 4 })).toBe(true);
  });
});
