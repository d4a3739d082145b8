import { describe, expect, it } from 'vitest';
import { formatMarks } from './numbers';

describe('formatMarks', () => {
  it('writes the decimal comma in Kazakh and Russian and the point in English', () => {
    expect(formatMarks(87.5, 'kk')).toBe('87,50');
    expect(formatMarks(87.5, 'ru')).toBe('87,50');
    expect(formatMarks(87.5, 'en')).toBe('87.50');
  });

  it('keeps exactly the asked decimals and groups no digits', () => {
    expect(formatMarks(0, 'ru')).toBe('0,00');
    expect(formatMarks(1234.25, 'ru')).toBe('1234,25');
    expect(formatMarks(20, 'kk', 0)).toBe('20');
    expect(formatMarks(4.125, 'en', 3)).toBe('4.125');
  });

  it('writes a negative value with a minus sign, and no minus on zero', () => {
    expect(formatMarks(-0, 'ru')).toBe('0,00');
    expect(formatMarks(-1.5, 'ru')).toBe('-1,50');
  });
});
