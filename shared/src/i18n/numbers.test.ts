import { describe, expect, it } from 'vitest';
import { formatMarks, signedMarks } from './numbers';

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

describe('signedMarks', () => {
  it('says which way a difference leans, with the language’s decimal sign', () => {
    expect(signedMarks(0.654, 'ru')).toBe('+0,65');
    expect(signedMarks(-0.69, 'kk')).toBe('−0,69');
    expect(signedMarks(-0.69, 'en')).toBe('−0.69');
  });

  it('writes ± for a difference that rounds to nothing', () => {
    expect(signedMarks(0, 'ru')).toBe('±0,00');
    expect(signedMarks(-0.001, 'en')).toBe('±0.00');
  });
});
