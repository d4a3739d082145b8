import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeFor, gradeScaleSchema, type GradeScale } from './scale';
import { getGradeScale } from './scales';

const letter = getGradeScale('kz-letter@2022');
const fivePoint = getGradeScale('five-point@2022');

describe('kz-letter@2022', () => {
  it.each([
    [0, 'F', 0, 'unsatisfactory', false],
    [49.99, 'F', 0, 'unsatisfactory', false],
    [50, 'D', 1, 'satisfactory', true],
    [54.99, 'D', 1, 'satisfactory', true],
    [55, 'D+', 1.33, 'satisfactory', true],
    [64.99, 'C-', 1.67, 'satisfactory', true],
    [65, 'C', 2, 'satisfactory', true],
    [70, 'C+', 2.33, 'satisfactory', true],
    [75, 'B-', 2.67, 'good', true],
    [80, 'B', 3, 'good', true],
    [89.99, 'B+', 3.33, 'good', true],
    [90, 'A-', 3.67, 'excellent', true],
    [94.99, 'A-', 3.67, 'excellent', true],
    [95, 'A', 4, 'excellent', true],
    [100, 'A', 4, 'excellent', true],
  ] as const)('%s%% -> %s', (percent, label, gpa, traditional, pass) => {
    expect(gradeFor(letter, percent)).toEqual({
      scaleId: 'kz-letter@2022',
      percent,
      label,
      gpa,
      traditional,
      pass,
    });
  });

  it('reads the boundary on the percent rounded to 2 decimals half-up', () => {
    expect(gradeFor(letter, 89.995)).toMatchObject({ percent: 90, label: 'A-' });
    expect(gradeFor(letter, 89.994)).toMatchObject({ percent: 89.99, label: 'B+' });
    expect(gradeFor(letter, 49.995)).toMatchObject({ percent: 50, label: 'D', pass: true });
    expect(gradeFor(letter, 49.9949)).toMatchObject({ percent: 49.99, label: 'F', pass: false });
  });

  it('prints C+ as satisfactory by default and as good when the college chooses so', () => {
    expect(gradeFor(letter, 72).traditional).toBe('satisfactory');
    const good = { settings: { cPlusTraditional: 'good' as const } };
    expect(gradeFor(letter, 72, good)).toMatchObject({ label: 'C+', traditional: 'good' });
    // The setting touches the C+ row only.
    expect(gradeFor(letter, 69.99, good).traditional).toBe('satisfactory');
  });

  it('refuses unknown settings and choices outside the setting', () => {
    expect(() => gradeFor(letter, 72, { settings: { cPlus: 'good' } })).toThrow(
      /no setting "cPlus"/,
    );
    expect(() => gradeFor(letter, 72, { settings: { cPlusTraditional: 'excellent' } })).toThrow(
      RangeError,
    );
  });

  it('decides pass from the threshold, which a session may raise', () => {
    expect(gradeFor(letter, 55, { passPercent: 60 })).toMatchObject({ label: 'D+', pass: false });
    expect(gradeFor(letter, 60, { passPercent: 60 }).pass).toBe(true);
    expect(() => gradeFor(letter, 60, { passPercent: 101 })).toThrow(RangeError);
  });

  it('refuses a percent outside 0-100', () => {
    expect(() => gradeFor(letter, 100.01)).toThrow(RangeError);
    expect(() => gradeFor(letter, -1)).toThrow(RangeError);
    expect(() => gradeFor(letter, NaN)).toThrow(RangeError);
  });

  it('never gives a lower grade for a higher percent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(gradeFor(letter, high).gpa!).toBeGreaterThanOrEqual(gradeFor(letter, low).gpa!);
        },
      ),
    );
  });
});

describe('five-point@2022', () => {
  it.each([
    [0, '2', false],
    [19.99, '2', false],
    [20, '3', true],
    [39.99, '3', true],
    [40, '4', true],
    [69.99, '4', true],
    [70, '5', true],
    [100, '5', true],
  ] as const)('%s%% -> %s', (percent, label, pass) => {
    const grade = gradeFor(fivePoint, percent);
    expect(grade).toMatchObject({ label, pass });
    expect(grade).not.toHaveProperty('gpa');
  });

  it('is marked unverified', () => {
    expect(fivePoint.verified).toBe(false);
    expect(letter.verified).toBe(true);
  });
});

describe('gradeScaleSchema', () => {
  const valid: GradeScale = {
    id: 'pass-fail@2025',
    verified: false,
    passPercent: 60,
    bands: [
      { label: 'P', minPercent: 60, traditional: 'satisfactory' },
      { label: 'N', minPercent: 0, traditional: 'unsatisfactory' },
    ],
  };

  it('accepts a well-formed scale', () => {
    expect(gradeScaleSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['bands out of order', { bands: [...valid.bands].reverse() }, 'bands.1.minPercent'],
    [
      'no band from 0',
      { bands: [{ ...valid.bands[0]! }, { ...valid.bands[1]!, minPercent: 10 }] },
      'bands.1.minPercent',
    ],
    [
      'repeated labels',
      { bands: [{ ...valid.bands[0]! }, { ...valid.bands[1]!, label: 'P' }] },
      'bands',
    ],
    [
      'a default outside the setting choices',
      {
        bands: [
          {
            ...valid.bands[0]!,
            traditionalSetting: { name: 'passName', choices: ['good', 'excellent'] },
          },
          valid.bands[1]!,
        ],
      },
      'bands.0.traditional',
    ],
    ['an unversioned id', { id: 'pass-fail' }, 'id'],
  ])('rejects %s', (_, change, path) => {
    const result = gradeScaleSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
