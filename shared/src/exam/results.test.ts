import { describe, expect, it } from 'vitest';
import { sampleExamSession } from './sample';
import {
  allFinal,
  outcomeText,
  studentResults,
  summarize,
  traditionalText,
  type MarkedStudent,
} from './results';

const session = sampleExamSession({ students: 6 });
const ids = session.students.map((student) => student.id);

function marked(id: string, a: number, b: number): MarkedStudent {
  return {
    studentId: id,
    attendance: 'present',
    criteria: { A: a, B: b },
    total: a + b,
    progress: { marked: 2, total: 2 },
  };
}

describe('studentResults on the letter scale (max 100 points)', () => {
  it.each([
    [49.99, 'F', 0, 'fail', 'Неудовлетворительно', 'Қанағаттанарлықсыз'],
    [50, 'D', 1, 'pass', 'Удовлетворительно', 'Қанағаттанарлық'],
    [89.99, 'B+', 3.33, 'pass', 'Хорошо', 'Жақсы'],
    [90, 'A-', 3.67, 'pass', 'Отлично', 'Өте жақсы'],
    [72, 'C+', 2.33, 'pass', 'Удовлетворительно', 'Қанағаттанарлық'],
  ] as const)('%s points -> %s', (total, letter, gpa, outcome, ru, kk) => {
    const [result] = studentResults(session, [marked(ids[0]!, total - 30, 30)]).filter(
      (r) => r.student.id === ids[0],
    );
    expect(result).toMatchObject({ percent: total, outcome, maxPoints: 100, complete: true });
    expect(result!.grade).toMatchObject({ label: letter, gpa });
    expect(traditionalText(result!, 'ru')).toBe(ru);
    expect(traditionalText(result!, 'kk')).toBe(kk);
  });

  it('prints C+ as good when the session chooses so', () => {
    const good = { ...session, gradeSettings: { cPlusTraditional: 'good' as const } };
    const result = studentResults(good, [marked(ids[0]!, 42, 30)]).find(
      (r) => r.student.id === ids[0],
    )!;
    expect(result.grade).toMatchObject({ label: 'C+', traditional: 'good' });
    expect(traditionalText(result, 'ru')).toBe('Хорошо');
  });

  it('applies a pass threshold the session raises', () => {
    const strict = { ...session, gradeSettings: { passPercent: 60 } };
    const result = studentResults(strict, [marked(ids[0]!, 25, 30)]).find(
      (r) => r.student.id === ids[0],
    )!;
    expect(result).toMatchObject({ percent: 55, outcome: 'fail' });
    expect(result.grade!.label).toBe('D+');
  });

  it('gives absent and removed students no grade, and unmarked ones 0 points, incomplete', () => {
    const results = studentResults(session, [
      { studentId: ids[1]!, attendance: 'absent', criteria: {}, total: 0 },
      {
        studentId: ids[2]!,
        attendance: 'removed',
        criteria: { A: 10 },
        total: 10,
        attendanceReason: 'Нарушение правил',
      },
    ]);
    const byId = new Map(results.map((r) => [r.student.id, r]));
    expect(byId.get(ids[1]!)).toMatchObject({ outcome: 'absent', grade: null, percent: null });
    expect(byId.get(ids[1]!)).not.toHaveProperty('attendanceReason');
    expect(byId.get(ids[2]!)).toMatchObject({
      outcome: 'removed',
      grade: null,
      attendanceReason: 'Нарушение правил',
    });
    expect(outcomeText(byId.get(ids[2]!)!, 'kk')).toBe('Емтиханнан шығарылды');
    expect(byId.get(ids[3]!)).toMatchObject({ total: 0, percent: 0, complete: false });
    expect(byId.get(ids[3]!)!.criteria).toEqual({ A: 0, B: 0 });
    // An absence without a reason is not final; a removal with one is.
    expect(byId.get(ids[1]!)!.final).toBe(false);
    expect(byId.get(ids[2]!)!.final).toBe(true);
  });

  it('shows a student not fully marked as not marked, never as failed, and not final', () => {
    const results = studentResults(session, [
      { ...marked(ids[0]!, 60, 0), progress: { marked: 1, total: 2 } },
    ]);
    const partly = results.find((r) => r.student.id === ids[0])!;
    const untouched = results.find((r) => r.student.id === ids[1])!;
    for (const result of [partly, untouched]) {
      expect(result).toMatchObject({ outcome: 'unmarked', grade: null, final: false });
      expect(outcomeText(result, 'ru')).toBe('Не оценён');
      expect(outcomeText(result, 'kk')).toBe('Бағаланбаған');
      expect(outcomeText(result, 'en')).toBe('Not marked');
      expect(traditionalText(result, 'ru')).toBe('Не оценён');
    }
    expect(partly.percent).toBe(60);
    expect(allFinal(results)).toBe(false);
    expect(summarize(session, results)).toMatchObject({ sat: 6, unmarked: 6, failed: 0 });
  });

  it('reads the five-point scale when the session pins it', () => {
    const five = { ...session, gradeScaleId: 'five-point@2022' as const };
    const result = studentResults(five, [marked(ids[0]!, 39.99, 0)]).find(
      (r) => r.student.id === ids[0],
    )!;
    expect(result.grade).toMatchObject({ label: '3', pass: true });
    expect(result.grade).not.toHaveProperty('gpa');
  });
});

describe('summarize', () => {
  it('counts admitted, sat, passed, grades and averages of those who sat', () => {
    const results = studentResults(session, [
      marked(ids[0]!, 60, 35), // 95 A
      marked(ids[1]!, 30, 20), // 50 D
      marked(ids[2]!, 19.99, 30), // 49.99 F
      { studentId: ids[3]!, attendance: 'absent', criteria: {}, total: 0 },
      { studentId: ids[4]!, attendance: 'removed', criteria: {}, total: 0 },
      marked(ids[5]!, 60, 30), // 90 A-
    ]);
    const summary = summarize(session, results);
    expect(summary.unmarked).toBe(0);
    expect(summary).toMatchObject({
      admitted: 6,
      sat: 4,
      absent: 1,
      removed: 1,
      passed: 3,
      failed: 1,
      averagePoints: 71.25,
      averagePercent: 71.25,
      passRate: 75,
    });
    const counts = Object.fromEntries(summary.byGrade.map((g) => [g.label, g.count]));
    expect(counts).toMatchObject({ A: 1, 'A-': 1, D: 1, F: 1, B: 0 });
    expect(summary.byGrade.map((g) => g.label)[0]).toBe('A');
  });

  it('has no averages when nobody sat', () => {
    const results = studentResults(session, [
      ...ids.map((id) => ({
        studentId: id,
        attendance: 'absent' as const,
        criteria: {},
        total: 0,
      })),
    ]);
    expect(summarize(session, results)).toMatchObject({
      sat: 0,
      averagePoints: null,
      passRate: null,
    });
  });
});
