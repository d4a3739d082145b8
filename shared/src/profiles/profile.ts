import { z } from 'zod';
import { championshipSchema, publicationPolicySchema } from '../domain/entities';
import { gradeScaleIdSchema } from '../grades/scales';
import { delegationKinds, type DelegationKind } from '../scoring/conflicts';
import { judgementFormulaIds } from '../scoring/judgement';
import { scaleKinds } from '../scoring/scales';
import { teamCountKeys } from '../scoring/teams';

/**
 * A rules profile: every rule that differs between events, or that docs/scoring.md marks
 * unverified, as a named setting. A competition pins one profile id when it starts; a rule
 * change is a new profile version, never an edit, so past results stay recomputable.
 */
export const profileSettingNames = [
  'judgesPerAspect',
  'discrepancyThreshold',
  'judgementFormula',
  'rounding',
  'medals',
  'medallion',
  'scale',
  'compatriotKey',
  'publicationDefault',
  'gradeScale',
  'passThreshold',
  'teams',
] as const;
export type ProfileSettingName = (typeof profileSettingNames)[number];

export const championshipLevelSchema = championshipSchema.shape.level;
export type ChampionshipLevel = z.infer<typeof championshipLevelSchema>;

const nonNegative = z.number().finite().min(0);

export const rulesProfileSchema = z
  .object({
    /** `family@version`, e.g. `wsi-cis@2024`. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*@[0-9]{4}(\.[0-9]+)?$/, 'profile id like wsi-cis@2024'),
    /** Panel size per judgement aspect: allowed range and the default a competition starts with. */
    judgesPerAspect: z.object({
      min: z.number().int().min(1),
      max: z.number().int().min(1),
      default: z.number().int().min(1),
    }),
    /** A judgement aspect is flagged when max(scores) - min(scores) exceeds this. */
    discrepancyThreshold: nonNegative,
    judgementFormula: z.enum(judgementFormulaIds),
    /** Sums are rounded for display and ranking only; aspect marks stay at full precision. */
    rounding: z.object({ digits: z.number().int().min(0).max(4), mode: z.literal('half-up') }),
    /** Null: no medals (demo exam). */
    medals: z.object({ minField: z.number().int().min(1).nullable() }).nullable(),
    /** Null: no medallion for excellence. */
    medallion: z
      .object({ basis: z.enum(['scaled', 'percent']), threshold: z.number().finite() })
      .nullable(),
    scale: z.enum(scaleKinds),
    /** Which delegation makes an expert a compatriot, by championship level. */
    compatriotKey: z.record(championshipLevelSchema, z.enum(delegationKinds)),
    publicationDefault: publicationPolicySchema,
    /** Grade scale id (see grades/), e.g. `kz-letter@2022`; null where no grade is given. */
    gradeScale: gradeScaleIdSchema.nullable(),
    /** Percent of the scheme total needed to pass; null where there is no pass/fail. */
    passThreshold: z.number().min(0).max(100).nullable(),
    /** Team standings (region, college); null where teams are not ranked. */
    teams: z
      .object({
        points: z.object({
          gold: nonNegative,
          silver: nonNegative,
          bronze: nonNegative,
          medallion: nonNegative,
        }),
        tieBreaks: z.array(z.enum(teamCountKeys)),
      })
      .nullable(),
    /** Settings whose value comes from secondary sources; the UI says so next to them. */
    unverified: z.array(z.enum(profileSettingNames)),
  })
  .superRefine((p, ctx) => {
    const judges = p.judgesPerAspect;
    if (!(judges.min <= judges.default && judges.default <= judges.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['judgesPerAspect'],
        message: 'need min <= default <= max',
      });
    }
    if (p.medallion?.basis === 'scaled' && p.scale === 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['medallion', 'basis'],
        message: 'a scaled medallion needs a scale',
      });
    }
  });

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type RulesProfile = DeepReadonly<z.infer<typeof rulesProfileSchema>>;

export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** Validates and deep-freezes a profile; a profile that breaks the schema fails at import. */
export function defineProfile(profile: z.input<typeof rulesProfileSchema>): RulesProfile {
  return deepFreeze(rulesProfileSchema.parse(profile));
}

export function compatriotKeyFor(profile: RulesProfile, level: ChampionshipLevel): DelegationKind {
  return profile.compatriotKey[level];
}
