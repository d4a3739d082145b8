import {
  ruleFor,
  type Adjustment,
  type AdvancementRules,
  type Championship,
  type CompetencyRule,
} from '@ashyq/shared';
import { byName } from '../lib/collate';
import { localized } from '../lib/localized';
import { skillTitle } from './organiser-view';

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

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Competition id -> "17 Веб-технологии", for the proposal, the ties and the history. */
export function competitionNames(
  competitions: readonly { id: string; skill: { number: string; name: Championship['name'] } }[],
  lang: string,
): Map<string, string> {
  return new Map(competitions.map((c) => [c.id, skillTitle(c.skill, lang)]));
}

/** A competency's rule in words: "Top 3", "Medalists". */
export function ruleText(t: Translate, rule: CompetencyRule): string {
  return rule.kind === 'top'
    ? t('advancement.topN', { count: rule.count })
    : t('advancement.medalists');
}

/** The rules of a decision taken, in words: the rule for all, each competency's own, the quota. */
export function rulesInWords(
  t: Translate,
  rules: AdvancementRules,
  names: ReadonlyMap<string, string>,
): string {
  const { quota } = rules;
  return [
    t('advancement.forAll', { rule: ruleText(t, rules.defaultRule) }),
    ...Object.keys(rules.rules).map(
      (id) => `${names.get(id) ?? id}: ${ruleText(t, ruleFor(rules, id))}`,
    ),
    quota
      ? t('advancement.quotaOf', {
          max: quota.max,
          team: t(quota.team === 'region' ? 'advancement.quotaRegion' : 'advancement.quotaCollege'),
        })
      : t('advancement.noQuota'),
  ].join('; ');
}

/** The championships a list may go to: every other one, by name in the screen's language. */
export function targetChampionships(
  championships: readonly Championship[],
  from: string,
  lang: string,
): Championship[] {
  return byName(
    championships.filter((c) => c.id !== from),
    (c) => localized(c.name, lang),
    lang,
  );
}
