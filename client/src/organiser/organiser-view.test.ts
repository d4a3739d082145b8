import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { namespaces } from '@ashyq/shared';
import { bySkillNumber, peopleByName, profileName, skillTitle } from './organiser-view';

const person = (last: string, first: string) => ({ id: last, name: { last, first } });

describe('organiser screens: what a person reads', () => {
  it('names a rules profile in the screen language, never by its internal id', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'ru',
      resources: {
        ru: { organiser: namespaces.organiser.ru },
        kk: { organiser: namespaces.organiser.kk },
      },
      defaultNS: 'organiser',
    });
    expect(profileName(i18n.t, 'wsk-championship@2024')).toBe(
      'Чемпионат WorldSkills Kazakhstan (правила 2024 года)',
    );
    await i18n.changeLanguage('kk');
    expect(profileName(i18n.t, 'kz-demo-exam@2022')).toBe(
      'Колледждің демонстрациялық емтиханы (2022 жылғы ұсынымдар)',
    );
    expect(profileName(i18n.t, 'future@2030')).toBe('future@2030');
  });

  it('lists imported people by surname in the Kazakh alphabet on a Kazakh screen', () => {
    const people = [
      person('Өмірбек', 'Ә'),
      person('Ахметов', 'Б'),
      person('Әлиев', 'В'),
      person('Омаров', 'Г'),
    ];
    expect(peopleByName(people, 'kk').map((p) => p.name.last)).toEqual([
      'Ахметов',
      'Әлиев',
      'Омаров',
      'Өмірбек',
    ]);
  });

  it('orders competencies by skill number and titles them in the screen language', () => {
    const skills = [
      { skill: { number: '17', name: { ru: 'Веб-технологии', kk: 'Веб-технологиялар' } } },
      { skill: { number: '2', name: { ru: 'Сварка' } } },
    ];
    expect(bySkillNumber(skills).map((c) => skillTitle(c.skill, 'kk'))).toEqual([
      '2 Сварка',
      '17 Веб-технологиялар',
    ]);
  });
});
