import type { Adjustment, AdvancementRules, CompetencyRule } from '@ashyq/shared';

/** The rule choices on the advancement screen, as the organiser left them. */
export interface RuleChoice {
  kind: 'top' | 'medalists';
  count: number;
  quotaTeam: '' | 'region' | 'college';
  quotaMax: number;
  /** Competition id -> its own rule; the others follow the rule for every competency. */
  own: Record<string, CompetencyRule>;
}

/** The rules the server is asked to propose and apply; a medalists rule carries no count. */
export function rulesOf(choice: RuleChoice): AdvancementRules {
  return {
    defaultRule:
      choice.kind === 'top' ? { kind: 'top', count: choice.count } : { kind: 'medalists' },
    rules: choice.own,
    quota: choice.quotaTeam ? { team: choice.quotaTeam, max: choice.quotaMax } : null,
  };
}

/** A proposal's key: a proposal made for other rules is stale and is not applied. */
export const rulesKeyOf = (rules: AdvancementRules) => JSON.stringify(rules);

/** The organiser's decisions with this one in place of any earlier one for the same competitor. */
export function withDecision(
  adjustments: readonly Adjustment[],
  decision: Adjustment,
): Adjustment[] {
  const key = (a: Adjustment) => `${a.competitionId}/${a.competitorId}`;
  return [...adjustments.filter((a) => key(a) !== key(decision)), decision];
}
