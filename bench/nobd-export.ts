/**
 * NOBD export benchmark (`npm run bench -- nobd-export`): 10,000 student rows through the default
 * template: results and grades from marks, the table, then the CSV and the XLSX file, as the
 * export route builds them. Target: under 3 s per export.
 */
import {
  defaultNobdTemplate,
  nobdCsv,
  nobdTable,
  studentResults,
  type ExamSession,
  type MarkedStudent,
} from '@ashyq/shared';
import { sampleExamSession } from '@ashyq/shared/exam/sample';
import { nobdWorkbook } from '../server/src/exam/spreadsheets';
import { milliseconds, percentile } from './stats';

const rows = 10_000;
const runs = 5;

/** A session of 10,000 students: two 5,000-student samples (the schema's limit) joined. */
function bigSession(): ExamSession {
  const first = sampleExamSession({ students: rows / 2, seed: 1 });
  const second = sampleExamSession({ students: rows / 2, seed: 2 });
  const renamed = second.students.map((student) => ({
    ...student,
    id: `b-${student.id}`,
    group: `${student.group}-b`,
  }));
  return {
    ...first,
    groups: [...first.groups, ...second.groups.map((group) => `${group}-b`)],
    students: [...first.students, ...renamed],
  };
}

function marks(session: ExamSession): MarkedStudent[] {
  return session.students.map((student, index) => {
    const a = (index * 7) % 61;
    const b = ((index * 13) % 4001) / 100;
    return {
      studentId: student.id,
      attendance: index % 50 === 0 ? 'absent' : 'present',
      // An absence is final only with its reason on record; the export refuses anything else.
      ...(index % 50 === 0 ? { attendanceReason: 'Ауырды' } : {}),
      criteria: { A: a, B: b },
      total: a + b,
      progress: { marked: 2, total: 2 },
    };
  });
}

export async function run(): Promise<void> {
  const session = bigSession();
  const marked = marks(session);
  console.log(
    `workload: ${session.students.length} rows, default template ` +
      `(${defaultNobdTemplate.columns.length} columns); ${runs} timed exports of each format`,
  );
  const csvTimes: number[] = [];
  const xlsxTimes: number[] = [];
  let sizes = { csv: 0, xlsx: 0 };
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    const table = nobdTable(defaultNobdTemplate, session, studentResults(session, marked));
    const csv = Buffer.from(nobdCsv(table), 'utf8');
    csvTimes.push(performance.now() - start);

    start = performance.now();
    const again = nobdTable(defaultNobdTemplate, session, studentResults(session, marked));
    const xlsx = await nobdWorkbook(again, 'NOBD');
    xlsxTimes.push(performance.now() - start);
    sizes = { csv: csv.length, xlsx: xlsx.length };
  }
  const line = (name: string, samples: number[]) =>
    `${name}: median ${milliseconds(percentile(samples, 0.5))}, p99 ${milliseconds(
      percentile(samples, 0.99),
    )} (target < 3000 ms)`;
  console.log(line('CSV (results + table + CSV)', csvTimes));
  console.log(line('XLSX (results + table + workbook)', xlsxTimes));
  console.log(
    `files: CSV ${(sizes.csv / 1024).toFixed(0)} KiB, XLSX ${(sizes.xlsx / 1024).toFixed(0)} KiB`,
  );
}
