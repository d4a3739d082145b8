import { describe, expect, it } from 'vitest';
import { TraineeBook, type TraineeMark } from './trainees';

const mark = (id: string, trainee: string, score: number, at: string): TraineeMark => ({
  id,
  trainee,
  competitor: 'p1',
  aspect: 'A1.J1',
  score,
  at,
});

describe('the trainee book', () => {
  it('keeps each trainee’s latest score per cell, and a score stored twice once', () => {
    const book = new TraineeBook([
      mark('m1', 't1', 1, '2026-05-14T04:00:00Z'),
      mark('m2', 't2', 3, '2026-05-14T04:01:00Z'),
      mark('m3', 't1', 2, '2026-05-14T04:02:00Z'),
    ]);
    book.add(mark('m1', 't1', 0, '2026-05-14T04:03:00Z'));
    expect(book.current('t1').map((m) => m.score)).toEqual([2]);
    expect(book.scores().map(({ trainee, score }) => [trainee, score])).toEqual([
      ['t1', 2],
      ['t2', 3],
    ]);
    expect(book.get('m1')!.score).toBe(1);
    // A snapshot keeps every score in order, so a restored book is the same book.
    expect(new TraineeBook(book.list()).scores()).toEqual(book.scores());
  });
});
