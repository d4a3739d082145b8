import { describe, expect, it } from 'vitest';
import { competitionChoices, preselected, type SignInChampionship } from './login-view';

const championships: SignInChampionship[] = [
  {
    id: 'old',
    name: { ru: 'Региональный 2025', kk: 'Өңірлік 2025' },
    startsOn: '2025-03-01',
    endsOn: '2025-03-04',
    competitions: [
      { id: 'old-web', skill: { number: '17', name: { ru: 'Веб' } }, published: true },
      { id: 'old-cook', skill: { number: '34', name: { ru: 'Кулинария' } }, published: false },
    ],
  },
  {
    id: 'now',
    name: { ru: 'Национальный 2026', kk: 'Ұлттық 2026' },
    startsOn: '2026-03-10',
    endsOn: '2026-03-13',
    competitions: [
      {
        id: 'now-it',
        skill: { number: '39', name: { ru: 'ИТ-решения', kk: 'IT шешімдер' } },
        published: false,
      },
      {
        id: 'now-web',
        skill: { number: '17', name: { ru: 'Веб-технологии', kk: 'Веб-технологиялар' } },
        published: false,
      },
    ],
  },
];

describe('expert sign-in: competition picker', () => {
  it('lists the championship under way first, its skills by number, in the screen language', () => {
    const groups = competitionChoices(championships, 'kk', '2026-03-11');
    expect(groups.map((group) => group.championship)).toEqual(['Ұлттық 2026', 'Өңірлік 2025']);
    expect(groups[0]!.choices.map((choice) => choice.label)).toEqual([
      '17 Веб-технологиялар',
      '39 IT шешімдер',
    ]);
  });

  it('leaves out competitions whose results are published: nobody marks them any more', () => {
    const groups = competitionChoices(championships, 'ru', '2026-03-11');
    expect(groups[1]!.choices).toEqual([{ id: 'old-cook', label: '34 Кулинария' }]);
  });

  it('preselects the competition this tablet used last, if it is still listed', () => {
    const groups = competitionChoices(championships, 'ru', '2026-03-11');
    expect(preselected(groups, 'now-it')).toBe('now-it');
    expect(preselected(groups, 'old-web')).toBe('');
    expect(preselected([groups[1]!], null)).toBe('old-cook');
  });
});
