import { describe, expect, it } from 'vitest';
import { iinShapedNumbers } from './privacy';

describe('iinShapedNumbers', () => {
  it('finds a twelve-digit number as text or as a JSON number', () => {
    expect(iinShapedNumbers({ iin: '050312500127', n: 123456789012 })).toEqual([
      '050312500127',
      '123456789012',
    ]);
  });

  it('passes masked IINs, longer runs, ids and hashes whose digits happen to run', () => {
    expect(
      iinShapedNumbers({
        masked: '********0127',
        phone: '+77011234567',
        long: '1234567890123',
        id: '50cbfd59-06c2-43dd-8899-817876781234',
        hash: '12c03c28d004439131474a7243378ddc9e12c03c28d004439131474a72433780',
      }),
    ).toEqual([]);
  });
});
