/**
 * Exam documents benchmark (`npm run bench -- exam-documents`): every document of a 1,000-student
 * demo exam, as the exam office prints them: the protocol and the statement of each group of 25
 * (40 groups) and 1,000 individual result sheets, each registered for verification (code + QR)
 * and rendered to PDF in Kazakh. Marks come through the session's own runtime. Targets: all of it
 * under 20 s, peak memory (RSS high-water of this process) under 500 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MarkInput } from '@ashyq/shared';
import { sampleExamSession } from '@ashyq/shared/exam/sample';
import { loadConfig } from '../server/src/config';
import { ExamDocuments } from '../server/src/exam/documents/issue';
import type { DocumentLanguage } from '../server/src/exam/documents/text';
import { createServices } from '../server/src/services';
import { milliseconds, percentile } from './stats';

const students = 1000;
const groupSize = 25;
/** BENCH_RUNS overrides: a run takes minutes when the machine is shared. */
const runs = Number(process.env.BENCH_RUNS ?? 3);

function rssMb(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-bench-exam-'));
  const services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  try {
    const session = sampleExamSession({ students, groupSize });
    await services.store.putDocument('colleges', {
      id: session.collegeId,
      name: session.college.name,
      bin: session.college.bin,
      regionId: session.regionId,
    });
    await services.exams.sessions.put(session, 0);
    const runtime = await services.exams.sync(session, 'bench');
    const [chief, second, third] = session.commission.filter((member) => member.marks);
    for (const [index, student] of session.students.entries()) {
      const judge = (expert: string, score: number): MarkInput => ({
        id: `${expert}-${student.id}-j`.slice(0, 64),
        competitor: student.id,
        aspect: 'B1.J1',
        value: { kind: 'judgement', score },
      });
      await runtime.recordMarks(chief!.id, [
        {
          id: `mark-${student.id}-a`,
          competitor: student.id,
          aspect: 'A1.M1',
          value: { kind: 'choice', option: index % 3 },
        },
        judge(chief!.id, index % 4),
      ]);
      await runtime.recordMarks(second!.id, [judge(second!.id, (index + 1) % 4)]);
      await runtime.recordMarks(third!.id, [judge(third!.id, index % 4)]);
    }
    const documents = new ExamDocuments(
      services.exams,
      services.documents,
      services.config.publicUrl,
    );
    documents.registerKinds();
    const lang: DocumentLanguage = 'kk';
    console.log(
      `workload: ${students} students in ${session.groups.length} groups of ${groupSize}; per run ` +
        `${session.groups.length} protocols + ${session.groups.length} statements + ${students} ` +
        `result sheets (one file per group, or one per student), PDF (${lang}), each file ` +
        `registered for verification; ${runs} runs of each; ` +
        `RSS before: ${rssMb().toFixed(0)} MB`,
    );

    /** Protocols and statements of every group, then the sheets: one file each, or per group. */
    const printAll = async (sheets: 'per-student' | 'per-group') => {
      const results = await services.exams.results(session);
      let bytes = 0;
      for (const group of session.groups) {
        for (const kind of ['protocol', 'statement'] as const) {
          bytes += (await documents.groupPdf(kind, session, results, group, lang, 'bench')).length;
        }
        if (sheets === 'per-group') {
          bytes += (await documents.resultSheetsPdf(session, results, group, lang, 'bench')).length;
        }
      }
      if (sheets === 'per-student') {
        for (const student of session.students) {
          const sheet = await documents.resultSheetPdf(session, results, student.id, lang, 'bench');
          bytes += sheet!.length;
        }
      }
      return bytes;
    };
    for (const sheets of ['per-group', 'per-student'] as const) {
      const times: number[] = [];
      const cpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        bytes = await printAll(sheets);
        times.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
      }
      // On a shared machine the wall time mostly measures the wait for a core; CPU time does not.
      console.log(
        `all documents, result sheets ${sheets}: median ${milliseconds(percentile(times, 0.5))}, ` +
          `max ${milliseconds(Math.max(...times))} (target < 20000 ms); CPU time median ` +
          `${milliseconds(percentile(cpu, 0.5))}; ${(bytes / 2 ** 20).toFixed(1)} MB of PDF per run`,
      );
    }
    const maxRss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `memory: RSS high-water ${maxRss.toFixed(0)} MB for the whole process, setup included ` +
        `(target < 500 MB); RSS after: ${rssMb().toFixed(0)} MB`,
    );
  } finally {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
