import { describe, expect, it } from 'vitest';
import { fullName, isSameName, shortName } from './entities';

describe('person names', () => {
  it('writes the last name first, as Kazakh and Russian lists do', () => {
    expect(fullName({ last: 'Ахметов', first: 'Ержан', middle: 'Болатұлы' })).toBe(
      'Ахметов Ержан Болатұлы',
    );
    expect(fullName({ last: 'Ахметов', first: 'Ержан' })).toBe('Ахметов Ержан');
  });

  it('treats an empty middle name as none, and any other difference as a different name', () => {
    const name = { last: 'Ахметов', first: 'Ержан' };
    expect(isSameName(name, { ...name, middle: '' })).toBe(true);
    expect(isSameName(name, { ...name, middle: 'Болатұлы' })).toBe(false);
    expect(isSameName(name, { ...name, last: 'Ахмет' })).toBe(false);
    expect(isSameName(name, { ...name, first: 'Ержан ' })).toBe(false);
  });
});

describe('shortName', () => {
  it('gives the surname and the initials, held together', () => {
    expect(shortName({ last: 'Ахметов', first: 'Ержан', middle: 'Болатұлы' })).toBe(
      'Ахметов Е.\u00a0Б.',
    );
    expect(shortName({ last: 'Ахметов', first: 'ұлан' })).toBe('Ахметов Ұ.');
  });
});
