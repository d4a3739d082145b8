import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { namespaces, type Championship } from '@ashyq/shared';
import {
  competitionNames,
  ruleText,
  rulesInWords,
  rulesKeyOf,
  rulesOf,
  targetChampionships,
  withDecision,
} from './advancement-view';

const choice = { kind: 'top' as const, count: 3, quotaTeam: '' as const, quotaMax: 5, own: {} };

describe('advancement screen rules', () => {
  it('asks for the top three of every competency with no quota by default', () => {
    expect(rulesOf(choice)).toEqual({
      defaultRule: { kind: 'top', count: 3 },
      rules: {},
      quota: null,
    });
  });

  it('drops the count for medalists and keeps a region quota', () => {
    expect(rulesOf({ ...choice, kind: 'medalists', quotaTeam: 'region', quotaMax: 2 })).toEqual({
      defaultRule: { kind: 'medalists' },
      rules: {},
      quota: { team: 'region', max: 2 },
    });
  });

  it('sees a proposal made for other rules as made for other rules', () => {
    expect(rulesKeyOf(rulesOf(choice))).not.toBe(rulesKeyOf(rulesOf({ ...choice, count: 4 })));
  });

  it('keeps one decision per competitor, the latest', () => {
    const first = {
      competitionId: 'c1',
      competitorId: 'p1',
      action: 'include' as const,
      reason: 'tie won',
    };
    const other = { ...first, competitorId: 'p2' };
    const changed = { ...first, action: 'exclude' as const, reason: 'withdrew' };
    expect(withDecision(withDecision([first, other], changed), changed)).toEqual([other, changed]);
  });
});

describe('advancement screen words', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      lng: 'ru',
      resources: { ru: { organiser: namespaces.organiser.ru } },
      defaultNS: 'organiser',
    });
  });

  it('says a decision’s rules in words, each competency by number and name', () => {
    const names = competitionNames(
      [
        {
          id: 'web',
          skill: { number: '17', name: { ru: 'Веб-технологии', kk: 'Веб-технологиялар' } },
        },
      ],
      'ru',
    );
    const rules = rulesOf({
      ...choice,
      quotaTeam: 'region',
      quotaMax: 2,
      own: { web: { kind: 'medalists' } },
    });
    const words = rulesInWords(i18n.t, rules, names);
    expect(words).toContain('17 Веб-технологии: ');
    expect(words).toContain(ruleText(i18n.t, { kind: 'medalists' }));
    expect(words).toContain(ruleText(i18n.t, { kind: 'top', count: 3 }));
    expect(words).not.toContain('web:');
  });

  it('offers every other championship as the target, by name', () => {
    const championship = (id: string, ru: string) =>
      ({ id, name: { ru, kk: ru } }) as unknown as Championship;
    const all = [
      championship('reg', 'Региональный'),
      championship('nat', 'Национальный'),
      championship('col', 'Колледжный'),
    ];
    expect(targetChampionships(all, 'reg', 'ru').map((c) => c.id)).toEqual(['col', 'nat']);
  });
});
