import { describe, expect, it } from 'vitest';
import { advancementRulesSchema, ruleFor } from './rules';

describe('ruleFor', () => {
  it('gives a competency its own rule, and every other one the rule for all', () => {
    const rules = advancementRulesSchema.parse({
      defaultRule: { kind: 'top', count: 3 },
      rules: { cook: { kind: 'medalists' } },
    });
    expect(ruleFor(rules, 'cook')).toEqual({ kind: 'medalists' });
    expect(ruleFor(rules, 'web')).toEqual({ kind: 'top', count: 3 });
  });
});
