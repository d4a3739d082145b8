import { z } from 'zod';
import { idSchema } from '../domain/entities';

/**
 * Advancement: who a college or regional championship sends to the next level. A rule per
 * competency says who qualifies (the top N, or the medal winners); a quota caps how many one
 * team (region or college) sends in all. The organiser adjusts the proposal, always with a reason.
 */

/** A region sends 5 to 30 competitors to the national championship (docs/organisers.md). */
export const nationalQuota = { min: 5, max: 30 } as const;

export const competencyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('top'), count: z.number().int().min(1).max(100) }),
  z.strictObject({ kind: z.literal('medalists') }),
]);

export const quotaSchema = z.strictObject({
  /** Whose places are capped: the region (national selection) or the college (regional). */
  team: z.enum(['region', 'college']),
  max: z.number().int().min(1).max(1000),
});

export const advancementRulesSchema = z.strictObject({
  /** Applies to every competency without its own rule. */
  defaultRule: competencyRuleSchema,
  /** Competition id -> its rule. */
  rules: z.record(idSchema, competencyRuleSchema).default({}),
  quota: quotaSchema.nullable().default(null),
});

export const reasonSchema = z.string().trim().min(3).max(500);

export const adjustmentSchema = z.strictObject({
  competitionId: idSchema,
  competitorId: idSchema,
  /** include: send although the rules did not (or decide a tie); exclude: do not send. */
  action: z.enum(['include', 'exclude']),
  reason: reasonSchema,
});

export type CompetencyRule = z.infer<typeof competencyRuleSchema>;
export type AdvancementQuota = z.infer<typeof quotaSchema>;
export type AdvancementRules = z.infer<typeof advancementRulesSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;

/** The rule a competency is selected by: its own, or the one for every competency. */
export function ruleFor(rules: AdvancementRules, competitionId: string): CompetencyRule {
  return rules.rules[competitionId] ?? rules.defaultRule;
}

/**
 * An applied advancement as kept: the rules and every adjustment with its reason, who was sent
 * (by the rules or by decision) and the competitors created at the next level.
 */
export const advancementStatuses = [
  'selected',
  'included',
  'excluded',
  'tied',
  'overQuota',
  'notSelected',
] as const satisfies readonly AdvancementStatus[];

/** An applied advancement as it is kept: the rules, every adjustment with its reason, who went. */
export const advancementDecisionSchema = z.object({
  id: z.string(),
  championshipId: z.string(),
  targetChampionshipId: z.string(),
  at: z.string(),
  actor: z.string(),
  rules: advancementRulesSchema,
  adjustments: z.array(adjustmentSchema),
  /** Selected by the rules or included by decision. */
  sent: z.array(
    z.object({
      competitionId: z.string(),
      competitorId: z.string(),
      status: z.enum(advancementStatuses),
    }),
  ),
  created: z.array(z.object({ id: z.string(), competitionId: z.string() })),
  /**
   * Set when a competition's log refused its people part-way (a lock in between): `created`
   * then names only those registered; applying the same decision again adds the rest.
   */
  incomplete: z.boolean().optional(),
});
export type AdvancementDecision = z.infer<typeof advancementDecisionSchema>;

/** Why rules are unusable for the level they select for; empty when they are fine. */
export function quotaProblem(
  rules: AdvancementRules,
  targetLevel: 'college' | 'regional' | 'national' | 'international',
): 'quotaRequired' | 'quotaOutOfRange' | null {
  if (targetLevel !== 'national') return null;
  if (!rules.quota || rules.quota.team !== 'region') return 'quotaRequired';
  const { max } = rules.quota;
  return max < nationalQuota.min || max > nationalQuota.max ? 'quotaOutOfRange' : null;
}

/**
 * - selected: the rules send this competitor;
 * - included / excluded: the organiser decided, with a reason (overrides the rules);
 * - tied: equal with others at a competency's or a quota's line; waits for the organiser;
 * - overQuota: qualified in its competency, but its team's quota is full;
 * - notSelected: below the line.
 */
export type AdvancementStatus =
  'selected' | 'included' | 'excluded' | 'tied' | 'overQuota' | 'notSelected';
