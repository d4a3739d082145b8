import { z } from 'zod';
import type { GradeScale } from './scale';

/** Kazakhstan letter scale of TVET (docs/demo-exams.md): letter, GPA, percent band, traditional grade. */
const kzLetter2022: GradeScale = {
  id: 'kz-letter@2022',
  verified: true,
  passPercent: 50,
  bands: [
    { label: 'A', minPercent: 95, gpa: 4.0, traditional: 'excellent' },
    { label: 'A-', minPercent: 90, gpa: 3.67, traditional: 'excellent' },
    { label: 'B+', minPercent: 85, gpa: 3.33, traditional: 'good' },
    { label: 'B', minPercent: 80, gpa: 3.0, traditional: 'good' },
    { label: 'B-', minPercent: 75, gpa: 2.67, traditional: 'good' },
    {
      label: 'C+',
      minPercent: 70,
      gpa: 2.33,
      // Sources disagree on this row; some colleges print "good".
      traditional: 'satisfactory',
      traditionalSetting: { name: 'cPlusTraditional', choices: ['satisfactory', 'good'] },
    },
    { label: 'C', minPercent: 65, gpa: 2.0, traditional: 'satisfactory' },
    { label: 'C-', minPercent: 60, gpa: 1.67, traditional: 'satisfactory' },
    { label: 'D+', minPercent: 55, gpa: 1.33, traditional: 'satisfactory' },
    { label: 'D', minPercent: 50, gpa: 1.0, traditional: 'satisfactory' },
    { label: 'F', minPercent: 0, gpa: 0.0, traditional: 'unsatisfactory' },
  ],
};

/**
 * A five-point conversion of demo exam percent used in Russia. Unverified, and not a Kazakh
 * rule: offered only as an alternative a college may choose.
 */
const fivePoint2022: GradeScale = {
  id: 'five-point@2022',
  verified: false,
  passPercent: 20,
  bands: [
    { label: '5', minPercent: 70, traditional: 'excellent' },
    { label: '4', minPercent: 40, traditional: 'good' },
    { label: '3', minPercent: 20, traditional: 'satisfactory' },
    { label: '2', minPercent: 0, traditional: 'unsatisfactory' },
  ],
};

function freezeScale(scale: GradeScale): GradeScale {
  for (const band of scale.bands) {
    if (band.traditionalSetting) {
      Object.freeze(band.traditionalSetting.choices);
      Object.freeze(band.traditionalSetting);
    }
    Object.freeze(band);
  }
  Object.freeze(scale.bands);
  return Object.freeze(scale);
}

export const gradeScaleIds = ['kz-letter@2022', 'five-point@2022'] as const;
export const gradeScaleIdSchema = z.enum(gradeScaleIds);
export type GradeScaleId = z.infer<typeof gradeScaleIdSchema>;

/** Published scales are immutable: a pinned id must give the same grades forever. */
const registry: ReadonlyMap<string, GradeScale> = new Map(
  [kzLetter2022, fivePoint2022].map((scale) => [scale.id, freezeScale(scale)]),
);

export function getGradeScale(id: GradeScaleId): GradeScale;
export function getGradeScale(id: string): GradeScale | undefined;
export function getGradeScale(id: string): GradeScale | undefined {
  return registry.get(id);
}

export function listGradeScales(): GradeScale[] {
  return [...registry.values()];
}
