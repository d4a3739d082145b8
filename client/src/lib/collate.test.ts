import { describe, expect, it } from 'vitest';
import { byName } from './collate';

describe('byName', () => {
  it('orders Kazakh names with the Kazakh alphabet: Ә after А, Ө after О, Қ after К', () => {
    const names = ['Өмірзақ', 'Әлия', 'Қанат', 'Абай', 'Олжас', 'Кира'];
    expect(byName(names, (n) => n, 'kk')).toEqual([
      'Абай',
      'Әлия',
      'Кира',
      'Қанат',
      'Олжас',
      'Өмірзақ',
    ]);
  });

  it('puts numbers in numeric order and leaves the given list unchanged', () => {
    const skills = ['17 Веб', '2 Сварка', '39 ИТ'];
    expect(byName(skills, (n) => n, 'ru')).toEqual(['2 Сварка', '17 Веб', '39 ИТ']);
    expect(skills[0]).toBe('17 Веб');
  });
});
