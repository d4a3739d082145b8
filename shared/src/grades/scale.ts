import { z } from 'zod';
import { roundPercent } from './percent';

/**
 * A grade scale maps the percent of max points (rounded to 2 decimals half-up) to a grade:
 * the band with the highest `minPercent` not above the percent. Scales are named and versioned
 * (`kz-letter@2022`); a rules profile or an exam session pins one id, and a new rule means a new
 * version, never an edit, so past protocols keep their grades.
 */

export const traditionalGradeSchema = z.enum([
  'excellent',
  'good',
  'satisfactory',
  'unsatisfactory',
]);
export type TraditionalGrade = z.infer<typeof traditionalGradeSchema>;

const settingNameSchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'setting name in camelCase');

export const gradeBandSchema = z.object({
  /** What the protocol prints: 'A-', or '4' on a five-point scale. */
  label: z.string().trim().min(1).max(4),
  minPercent: z.number().min(0).max(100),
  gpa: z.number().min(0).max(4).optional(),
  /** The traditional grade, or the default one when `traditionalSetting` lets a college choose. */
  traditional: traditionalGradeSchema,
  traditionalSetting: z
    .object({ name: settingNameSchema, choices: z.array(traditionalGradeSchema).min(2) })
    .optional(),
});
export type GradeBand = z.infer<typeof gradeBandSchema>;

export const gradeScaleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+@\d{4}$/, 'scale id like kz-letter@2022'),
    /** False when no official source confirms the conversion; documents then say so. */
    verified: z.boolean(),
    /** Default pass threshold, in percent; an exam session may set its own. */
    passPercent: z.number().min(0).max(100),
    /** Highest band first. */
    bands: z.array(gradeBandSchema).min(1),
  })
  .superRefine((scale, ctx) => {
    scale.bands.forEach((band, index) => {
      const previous = scale.bands[index - 1];
      if (previous && band.minPercent >= previous.minPercent) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index, 'minPercent'],
          message: 'bands must be ordered by minPercent, highest first, without repeats',
        });
      }
      const setting = band.traditionalSetting;
      if (setting && !setting.choices.includes(band.traditional)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index, 'traditional'],
          message: 'the default traditional grade must be one of the setting choices',
        });
      }
    });
    if (scale.bands.at(-1)?.minPercent !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', scale.bands.length - 1, 'minPercent'],
        message: 'the lowest band must start at 0 so that every percent has a grade',
      });
    }
    const labels = scale.bands.map((band) => band.label);
    if (new Set(labels).size !== labels.length) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'band labels must be unique' });
    }
  });
export type GradeScale = z.infer<typeof gradeScaleSchema>;

export interface GradeOptions {
  /** Choices for the scale's settings by name, e.g. `{ cPlusTraditional: 'good' }`. */
  settings?: Record<string, TraditionalGrade>;
  /** Overrides the scale's pass threshold (percent). */
  passPercent?: number;
}

export interface Grade {
  scaleId: string;
  /** The percent the grade was read from, rounded to 2 decimals half-up. */
  percent: number;
  label: string;
  gpa?: number;
  traditional: TraditionalGrade;
  pass: boolean;
}

function checkSettings(scale: GradeScale, settings: Record<string, TraditionalGrade>): void {
  for (const [name, choice] of Object.entries(settings)) {
    const band = scale.bands.find((candidate) => candidate.traditionalSetting?.name === name);
    if (!band) throw new RangeError(`${scale.id} has no setting "${name}"`);
    if (!band.traditionalSetting!.choices.includes(choice)) {
      throw new RangeError(`${scale.id}: "${choice}" is not a choice of ${name}`);
    }
  }
}

/** The grade for a percent of max points (0-100); rounds the percent itself first. */
export function gradeFor(scale: GradeScale, percent: number, options: GradeOptions = {}): Grade {
  const rounded = roundPercent(percent);
  if (rounded < 0 || rounded > 100)
    throw new RangeError(`gradeFor: percent out of 0-100: ${percent}`);
  const settings = options.settings ?? {};
  checkSettings(scale, settings);
  const passPercent = options.passPercent ?? scale.passPercent;
  if (!(passPercent >= 0 && passPercent <= 100)) {
    throw new RangeError(`gradeFor: pass threshold out of 0-100: ${passPercent}`);
  }

  const band = scale.bands.find((candidate) => rounded >= candidate.minPercent);
  if (!band) throw new RangeError(`${scale.id} has no band for ${rounded}% (not a valid scale)`);
  const setting = band.traditionalSetting;
  return {
    scaleId: scale.id,
    percent: rounded,
    label: band.label,
    ...(band.gpa === undefined ? {} : { gpa: band.gpa }),
    traditional: (setting && settings[setting.name]) ?? band.traditional,
    pass: rounded >= passPercent,
  };
}
