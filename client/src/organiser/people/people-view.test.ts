import { describe, expect, it } from 'vitest';
import type { Competitor, Expert } from '@ashyq/shared';
import { correctionPatch, declaredConflicts, editFormOf, newPersonBody } from './people-view';

const competitor = (id: string, last: string): Competitor => ({
  id,
  competitionId: 'c',
  name: { last, first: 'Арман' },
  iin: '050101500001',
  regionId: 'astana',
  guest: false,
});
const expert: Expert = {
  id: 'e1',
  competitionId: 'c',
  name: { last: 'Сейткали', first: 'Айгүл' },
  iin: '800101400002',
  regionId: 'astana',
  role: 'expert',
  certificate: 'WSK-17',
};

describe('people: what the forms send', () => {
  it('adds an expert with only the papers filled in, trimmed', () => {
    const body = newPersonBody(
      {
        last: 'Омаров',
        first: 'Дана',
        middle: '',
        iin: '900101400003',
        regionId: 'abai',
        collegeId: '',
        role: 'independent',
        certificate: '  C-1 ',
        employer: '',
        delegation: '',
        guest: false,
      },
      'experts',
    );
    expect(body).toEqual({
      name: { last: 'Омаров', first: 'Дана' },
      iin: '900101400003',
      regionId: 'abai',
      role: 'independent',
      certificate: 'C-1',
    });
  });

  it('corrects an expert by sending only what changed, an emptied paper as null', () => {
    const form = { ...editFormOf(expert), certificate: '', employer: 'Колледж' };
    expect(correctionPatch(form, expert, 'experts')).toEqual({
      certificate: null,
      employer: 'Колледж',
    });
  });

  it('corrects a competitor’s name with the reason, never its delegation', () => {
    const person = competitor('p1', 'Сатпаев');
    const form = { ...editFormOf(person), last: 'Сәтпаев', reason: 'Опечатка', delegation: 'X' };
    expect(correctionPatch(form, person, 'competitors')).toEqual({
      name: { last: 'Сәтпаев', first: 'Арман' },
      reason: 'Опечатка',
    });
  });
});

describe('people: conflicts of interest', () => {
  it('lists declared conflicts by name, competitors in alphabetical order', () => {
    const competitors = [competitor('p1', 'Өмірбек'), competitor('p2', 'Әлиев')];
    expect(
      declaredConflicts({ e1: ['p1', 'p2'] }, [expert], competitors, 'kk').map((c) => [
        c.expert,
        c.competitor,
      ]),
    ).toEqual([
      ['Сейткали Айгүл', 'Әлиев Арман'],
      ['Сейткали Айгүл', 'Өмірбек Арман'],
    ]);
  });
});
