import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaces, seededRng, syntheticIin, translate } from '@ashyq/shared';
import { sampleExamSession } from '@ashyq/shared/exam/sample';
import { artifactsDir, screenshotPath } from '../support/browser';
import {
  decodeQr,
  pdfPagePng,
  pdfPagesToPng,
  pdfRawText,
  pdfText,
  pdfToolsAvailable,
} from '../support/pdf';
import { Client, startTestApp, type Reply, type TestApp } from './api-support';
import { iinShapedNumbers } from '../support/privacy';

/**
 * The exam officer's flow over HTTP: a session, its commission, students from a CSV, marks from
 * the commission's tablets (the same expert API as championships), results, NOBD template and
 * export, the annual report. Every refused request must leave the session as it was.
 */

const password = 'Exam-Officer-2026!';
const rng = seededRng(606);
const absenceReason = 'Болезнь, справка № 14';
const studentIin = () => syntheticIin(rng, { from: '2006-01-01', to: '2007-12-31' });

const sample = sampleExamSession();
const { id: _id, collegeId: _collegeId, commission, students: _students, ...sessionInput } = sample;

const people = [
  { name: 'Ахметов Данияр Серікұлы', iin: studentIin() },
  { name: 'Бекова Әйгерім Қанатқызы', iin: studentIin() },
  { name: 'Жумабаев Нұрлан Ержанұлы', iin: studentIin() },
  { name: 'Сейтқали Ұлжан Маратқызы', iin: studentIin() },
];

function csv(rows: string[][]): Uint8Array {
  const lines = [['ФИО', 'ИИН', 'Группа', 'Вариант'], ...rows].map((row) => row.join(';'));
  return new TextEncoder().encode(lines.join('\r\n'));
}

let app: TestApp;
let officer: Client;
let otherOfficer: Client;
let sessionId: string;

async function signIn(email: string): Promise<Client> {
  const client = new Client(app.base);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

/** A refused request, and the session exactly as before it. */
async function refusedWithoutChange(request: () => Promise<Reply>, status: number) {
  const before = await officer.get(`/api/exam/sessions/${sessionId}`);
  const reply = await request();
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect((await officer.get(`/api/exam/sessions/${sessionId}`)).body).toEqual(before.body);
  return reply.body;
}

beforeAll(async () => {
  app = await startTestApp();
  const { accounts, store } = app.services;
  for (const college of [
    { id: 'astana-it', bin: '940140000385', regionId: 'astana' },
    { id: 'saryarka-college', bin: '990140004654', regionId: 'karaganda' },
  ]) {
    // The sample session repeats its college's details: they must be the record's own.
    const name =
      college.id === sample.collegeId
        ? sample.college.name
        : { kk: `${college.id} колледжі`, ru: `Колледж ${college.id}` };
    await store.putDocument('colleges', { ...college, name });
  }
  for (const [email, collegeId] of [
    ['exam@example.kz', 'astana-it'],
    ['exam-other@example.kz', 'saryarka-college'],
  ] as const) {
    await accounts.createOrganiser({
      email,
      name: `Экзаменационный отдел ${collegeId}`,
      password,
      scope: { kind: 'college', collegeId },
      roles: ['exam-officer'],
    });
  }
  officer = await signIn('exam@example.kz');
  otherOfficer = await signIn('exam-other@example.kz');
});

afterAll(async () => {
  await app?.close();
});

describe('exam sessions', () => {
  it('refuses an invalid session in the caller’s language and creates a valid one', async () => {
    const badBin = await officer.post('/api/exam/sessions?lang=kk', {
      ...sessionInput,
      college: { ...sessionInput.college, bin: '940140000386' },
    });
    expect(badBin.status).toBe(400);
    expect(badBin.body.error.details.map((d: { path: string }) => d.path)).toEqual(['college.bin']);
    // Rules across fields are checked once every field is well-formed.
    const bad = await officer.post('/api/exam/sessions?lang=kk', {
      ...sessionInput,
      qualification: { ...sessionInput.qualification, code: '4S07130105' },
      endsAt: '2026-05-19T08:00:00+05:00',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['qualification.code', 'endsAt']);
    expect(bad.body.error.details[1].message).toBe('Емтихан басталғаннан кейін аяқталуы керек');
    expect((await officer.get('/api/exam/sessions')).body.sessions).toEqual([]);

    const created = await officer.post('/api/exam/sessions', sessionInput);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    sessionId = created.body.session.id;
    expect(created.body.session).toMatchObject({ collegeId: 'astana-it', students: [] });
    const list = (await officer.get('/api/exam/sessions')).body.sessions;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: sessionId, studentCount: 0 });
  });

  it('keeps other colleges’ officers out', async () => {
    expect((await otherOfficer.get(`/api/exam/sessions/${sessionId}`)).status).toBe(403);
    expect((await otherOfficer.get('/api/exam/sessions')).body.sessions).toEqual([]);
    expect((await new Client(app.base).get(`/api/exam/sessions/${sessionId}`)).status).toBe(401);
  });

  it('refuses a commission that breaks the independence rule, then registers a valid one', async () => {
    const staffChief = commission.map((member) =>
      member.role === 'chief' ? { ...member, collegeId: 'astana-it' } : member,
    );
    const body = await refusedWithoutChange(
      () => officer.put(`/api/exam/sessions/${sessionId}/commission`, { members: staffChief }),
      400,
    );
    expect(body.error.details).toContainEqual({
      path: 'commission.1.collegeId',
      message: expect.stringMatching(/комиссия должна быть независима/),
    });
    const saved = await officer.put(`/api/exam/sessions/${sessionId}/commission`, {
      members: commission,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.session.commission).toHaveLength(commission.length);
  });

  it('imports nothing from a file with bad rows and reports each by row, column and reason', async () => {
    const [a, b] = people;
    const wrongCheckDigit = a!.iin.slice(0, 11) + String((Number(a!.iin[11]) + 1) % 10);
    const file = csv([
      [a!.name, wrongCheckDigit, 'ПО-22-1', '1'],
      [b!.name, '071332512345', 'ПО-22-1', '2'],
      [people[2]!.name, people[2]!.iin, 'ПО-22-1', '7'],
      [people[3]!.name, people[2]!.iin, 'ПО-22-1', '2'],
    ]);
    const body = await refusedWithoutChange(
      () => officer.post(`/api/exam/sessions/${sessionId}/students/import`, file),
      400,
    );
    const details = body.error.details as { path: string; code: string; message: string }[];
    expect(details.map((d) => d.code)).toEqual([
      'invalid_iin',
      'invalid_iin',
      'unknown_variant',
      'duplicate_in_file',
    ]);
    expect(details[0]!.path).toMatch(/2.*B/);
    expect(details[1]!.path).toMatch(/3.*B/);
    expect(details[1]!.message).toMatch(/дат/i);
    // The session has two task variants.
    expect(details[2]!.path).toMatch(/4.*D/);
    expect(details[2]!.message).toBe('В сессии нет варианта задания 7: её варианты — с 1 по 2');
    expect(details[3]!.path).toMatch(/5.*B/);
  });

  it('imports a clean file, and refuses the same students again', async () => {
    const file = csv(people.map((p, i) => [p.name, p.iin, 'ПО-22-1', String((i % 2) + 1)]));
    const reply = await officer.post(`/api/exam/sessions/${sessionId}/students/import`, file);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.imported).toBe(4);
    const again = await refusedWithoutChange(
      () => officer.post(`/api/exam/sessions/${sessionId}/students/import`, file),
      400,
    );
    expect(again.error.details[0].code).toBe('already_registered');
  });
});

describe('marking with the tablet API and results', () => {
  const studentId = new Map<string, string>();

  it('issues PINs only to marking members, and the experts mark through the expert API', async () => {
    const { session } = (await officer.get(`/api/exam/sessions/${sessionId}`)).body;
    for (const student of session.students) studentId.set(student.iin, student.id);
    const secretary = session.commission.find((m: { role: string }) => m.role === 'secretary');
    const refused = await officer.post(
      `/api/exam/sessions/${sessionId}/commission/${secretary.id}/credential`,
    );
    expect(refused.status).toBe(409);

    const markers = session.commission.filter((m: { marks: boolean }) => m.marks).slice(0, 3);
    const tablets: Client[] = [];
    for (const member of markers) {
      const issued = await officer.post(
        `/api/exam/sessions/${sessionId}/commission/${member.id}/credential`,
      );
      expect(issued.status).toBe(201);
      // The officer's screen prints the sign-in link and its QR code with the PIN.
      expect(issued.body.link.endsWith(`/login/${issued.body.linkToken}`)).toBe(true);
      expect(issued.body.qrSvg).toMatch(/^<svg[^>]*>.*<path/s);
      const tablet = new Client(app.base);
      const signedIn = await tablet.post('/api/auth/pin', {
        competitionId: sessionId,
        pin: issued.body.pin,
      });
      expect(signedIn.status).toBe(200);
      tablets.push(tablet);
    }
    const view = await tablets[0]!.get('/api/expert/competition');
    expect(view.status, JSON.stringify(view.body)).toBe(200);

    const [ahmetov, bekova, , seitkali] = people.map((p) => studentId.get(p.iin)!);
    const choice = { [ahmetov!]: 0, [bekova!]: 1, [seitkali!]: 2 };
    const scores = { [ahmetov!]: [3, 3, 3], [bekova!]: [1, 2, 3], [seitkali!]: [3, 3, 3] };
    for (const [index, tablet] of tablets.entries()) {
      const marks = Object.keys(choice).flatMap((competitor) => [
        ...(index === 0
          ? [
              {
                id: `m-a-${competitor}`,
                competitor,
                aspect: 'A1.M1',
                value: { kind: 'choice', option: choice[competitor] },
              },
            ]
          : []),
        {
          id: `m-b${index}-${competitor}`,
          competitor,
          aspect: 'B1.J1',
          value: { kind: 'judgement', score: scores[competitor]![index] },
        },
      ]);
      const sent = await tablet.post('/api/expert/marks', { marks });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      for (const result of sent.body.results) expect(result.status).toBe('accepted');
    }
  });

  it.runIf(pdfToolsAvailable())(
    'prints a draft with no code, and "not marked" rather than failed, while a student is unmarked',
    async () => {
      const documents = `/api/exam/sessions/${sessionId}/documents`;
      for (const [lang, draft, unmarked, failed] of [
        ['ru', 'ЧЕРНОВИК', 'Не оценён', 'Не сдал'],
        ['kk', 'ЖОБА', 'Бағаланбаған', 'Тапсырмады'],
      ] as const) {
        const protocol = (await officer.get(`${documents}/protocol.pdf?language=${lang}`))
          .body as Buffer;
        pdfPagesToPng(protocol, artifactsDir, `exam-protocol-draft-${lang}`);
        const text = pdfRawText(protocol);
        // The watermark is rotated: its letters come out of the text on lines of their own.
        expect(text.replace(/\s+/g, '')).toContain(draft);
        expect(text).not.toMatch(/\/verify\//);
        const zhumabaev = text.split('\n').find((line) => line.includes(people[2]!.iin))!;
        expect(zhumabaev).toContain(unmarked);
        expect(zhumabaev).not.toContain(failed);
        expect(decodeQr(pdfPagePng(protocol, 1, 150))).toBeNull();
      }

      const refused = await officer.get(`/api/exam/sessions/${sessionId}/nobd.csv?lang=ru`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details).toEqual([
        { path: people[2]!.iin, message: 'Жумабаев Нұрлан Ержанұлы: Не оценён' },
      ]);
      const draft = await officer.get(`/api/exam/sessions/${sessionId}/nobd.csv?draft=1`);
      expect(draft.status).toBe(200);
      const lines = (draft.body as Buffer).toString('utf8').split('\r\n');
      expect(lines[0]).toMatch(/Черновик: результат не окончательный$/);
      const row = lines.find((line) => line.includes(people[2]!.iin))!;
      expect(row).toMatch(/Не оценён;.*ЧЕРНОВИК$/);
      expect(lines.find((line) => line.includes(people[0]!.iin))).toMatch(/;$/);
    },
  );

  it('marks a student absent, and computes points, percent, grade and outcome', async () => {
    const zhumabaev = studentId.get(people[2]!.iin)!;
    // A status set by mistake and undone: the reason printed is the one of the latest status.
    const attendance = `/api/exam/sessions/${sessionId}/students/${zhumabaev}/attendance`;
    const mistaken = { attendance: 'removed', reason: 'Ошибочная отметка' };
    expect((await officer.put(attendance, mistaken)).status).toBe(200);
    expect((await officer.put(attendance, { attendance: 'present' })).status).toBe(200);
    const absent = await officer.put(
      `/api/exam/sessions/${sessionId}/students/${zhumabaev}/attendance`,
      { attendance: 'absent', reason: absenceReason },
    );
    expect(absent.status, JSON.stringify(absent.body)).toBe(200);
    expect(absent.body.result).toMatchObject({
      outcome: 'absent',
      grade: null,
      attendanceReason: absenceReason,
    });
    await refusedWithoutChange(
      () =>
        officer.put(`/api/exam/sessions/${sessionId}/students/${zhumabaev}/attendance`, {
          attendance: 'late',
        }),
      400,
    );

    const { results } = (await officer.get(`/api/exam/sessions/${sessionId}/results`)).body;
    const rows = results.map(
      (r: {
        student: { name: { last: string } };
        total: number;
        outcome: string;
        grade: { label: string } | null;
      }) => [r.student.name.last, r.total, r.outcome, r.grade?.label ?? null],
    );
    expect(rows).toEqual([
      ['Ахметов', 100, 'pass', 'A'],
      ['Бекова', 56.67, 'pass', 'D+'],
      ['Жумабаев', 0, 'absent', null],
      ['Сейтқали', 40, 'fail', 'F'],
    ]);
    expect(results[1].criteria).toEqual({ A: 30, B: 26.67 });
    expect(results[0].complete).toBe(true);
  });
});

describe.runIf(pdfToolsAvailable())('protocol, statement and result sheets', () => {
  const documents = () => `/api/exam/sessions/${sessionId}/documents`;
  let protocolCode = '';

  it('prints every IIN whole and no header word split, in Kazakh and in Russian', async () => {
    const session = (await officer.get(`/api/exam/sessions/${sessionId}`)).body.session;
    const criterionNames: string[] = session.scheme.criteria.map((c: { name: string }) => c.name);
    const headerKeys = [
      'rowNumber',
      'fullName',
      'iin',
      'group',
      'variant',
      'total',
      'percent',
      'letter',
      'gpa',
      'traditional',
      'outcome',
      'remarks',
      'roleColumn',
      'employerCertificate',
    ];
    for (const lang of ['kk', 'ru'] as const) {
      for (const kind of ['protocol', 'statement', 'result-sheets']) {
        const pdf = (await officer.get(`${documents()}/${kind}.pdf?language=${lang}`))
          .body as Buffer;
        expect(pdfPagesToPng(pdf, artifactsDir, `exam-${kind}-${lang}`)).toBeGreaterThan(0);
        const text = pdfRawText(pdf);
        const tokens = new Set(text.split(/[\s,.;:()/]+/).filter(Boolean));
        // Whole, on one line: a wrapped IIN would show as its two halves on two lines.
        // The statement is the name x criterion matrix: it has no IIN column.
        if (kind !== 'statement') {
          for (const person of people) expect(text, `${kind} ${lang}`).toContain(person.iin);
        }
        const words = headerKeys
          .map((key) => translate(namespaces.exam[lang], `document.${key}`))
          .concat(kind === 'statement' ? criterionNames : [])
          .flatMap((header) => header.split(/[\s,.;:()/]+/))
          .filter((word) => word.length >= 4);
        for (const word of words) {
          // A word cut by a wrap leaves its start as a token of its own ("Барлығ" of "Барлығы").
          for (let cut = 3; cut < word.length; cut++) {
            const start = word.slice(0, cut);
            if (!words.includes(start))
              expect(tokens, `${kind} ${lang}: ${word}`).not.toContain(start);
          }
        }
        // Profiles and scales by their names, never by the internal id.
        expect(text).not.toContain('kz-letter@2022');
      }
    }
  });

  it('prints the protocol in Kazakh and in Russian with every student, field and total', async () => {
    const kk = await officer.get(`${documents()}/protocol.pdf?language=kk`);
    expect(kk.status).toBe(200);
    const kkText = pdfText(kk.body as Buffer);
    const ru = pdfText(
      (await officer.get(`${documents()}/protocol.pdf?language=ru`)).body as Buffer,
    );
    for (const text of [kkText, ru]) {
      for (const person of people) {
        expect(text).toContain(person.name.split(' ')[0]);
        expect(text).toContain(person.iin);
      }
      expect(text).toContain('100,00');
      expect(text).toContain('56,67');
      expect(text).toContain('4S06130105');
      expect(text).toContain('940140000385');
      expect(text).toContain('19.05.2026');
    }
    // The remarks column gives the status and the reason the officer gave.
    expect(ru).toMatch(/Не явился:\s+Болезнь,\s+справка\s+№\s+14/);
    expect(kkText).toMatch(/Келмеді:\s+Болезнь,\s+справка\s+№\s+14/);
    expect(ru).not.toContain('Ошибочная');
    expect(kkText).toContain('Біліктілік комиссиясының хаттамасы');
    expect(kkText).toContain('Қорытынды аттестаттау');
    expect(kkText).toContain('Комиссия төрағасы');
    expect(kkText).toContain('Келмеді');
    expect(kkText).toMatch(/Өте\s+жақсы/);
    expect(ru).toContain('Протокол квалификационной комиссии');
    expect(ru).toContain('Итоговая аттестация');
    expect(ru).toContain('Председатель комиссии');
    expect(ru).toContain('Не явился');
    expect(ru).toMatch(/Допущено\s+4/);
    expect(ru).toMatch(/Сдали\s+2/);
    expect(ru).toContain('апелляцию');

    const png = pdfPagePng(kk.body as Buffer, 1, 150, screenshotPath('exam-protocol-kk'));
    pdfPagePng(kk.body as Buffer, 2, 110, screenshotPath('exam-protocol-kk-2'));
    const url = decodeQr(png);
    expect(url).toMatch(/\/verify\/[A-Z0-9]+$/);
    protocolCode = url!.split('/').pop()!;
    pdfPagePng(
      (await officer.get(`${documents()}/protocol.pdf?language=ru`)).body as Buffer,
      1,
      110,
      screenshotPath('exam-protocol-ru'),
    );
  });

  it('lets anyone verify the protocol without seeing a full IIN, and reports a tampered record', async () => {
    const anonymous = new Client(app.base);
    const verified = await anonymous.get(`/api/public/verify/${protocolCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ matches: true, problem: null, kind: 'exam-protocol' });
    const json = JSON.stringify(verified.body);
    for (const person of people) expect(json).not.toContain(person.iin);
    expect(json).toContain(`********${people[0]!.iin.slice(8)}`);

    const { store } = app.services;
    const stored = (await store.getDocument('issuedDocuments', protocolCode))!;
    const content = structuredClone(stored.document.content) as { rows: { total: number }[] };
    content.rows[0]!.total = 99;
    await store.putDocument('issuedDocuments', { ...stored.document, content });
    const tampered = await anonymous.get(`/api/public/verify/${protocolCode}`);
    expect(tampered.body).toMatchObject({ matches: false, problem: 'record_altered' });
  });

  it('prints the statement matrix and a student’s result sheet with each judge’s score', async () => {
    const statement = await officer.get(`${documents()}/statement.pdf?language=ru&group=ПО-22-1`);
    expect(statement.status).toBe(200);
    const text = pdfText(statement.body as Buffer);
    expect(text).toContain('Ведомость результатов демонстрационного экзамена');
    // Criterion names whole on one line: the columns are as wide as their headers need.
    expect(text).toMatch(/A\. Разработка модулей\s+B\. Качество решения/);
    expect(text).toContain('26,67');

    const { session } = (await officer.get(`/api/exam/sessions/${sessionId}`)).body;
    const bekova = session.students.find((s: { iin: string }) => s.iin === people[1]!.iin);
    const sheet = await officer.get(`${documents()}/result-sheets/${bekova.id}.pdf?language=kk`);
    expect(sheet.status).toBe(200);
    const sheetText = pdfText(sheet.body as Buffer);
    expect(sheetText).toContain('Демонстрациялық емтихан нәтижелерінің жеке парағы');
    expect(sheetText).toContain('B1.J1');
    expect(sheetText).toMatch(/1\s+2\s+3/);
    expect(sheetText).toContain('Частично');
    expect(sheetText).toContain('56,67');
    expect((await officer.get(`${documents()}/result-sheets/nobody.pdf`)).status).toBe(404);

    const group = await officer.get(`${documents()}/result-sheets.pdf?language=ru&group=ПО-22-1`);
    expect(group.status).toBe(200);
    const pages = pdfText(group.body as Buffer).split('\f');
    for (const person of people) {
      expect(pages.some((page) => page.includes(person.iin))).toBe(true);
    }
    expect(pages.filter((page) => page.includes('B1.J1'))).toHaveLength(people.length);
    expect((await otherOfficer.get(`${documents()}/protocol.pdf`)).status).toBe(403);
  });

  it('gives the protocol and the statement as XLSX with numbers as numbers and a verification QR', async () => {
    const reply = await officer.get(`${documents()}/protocol.xlsx?language=ru`);
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(reply.body).buffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const bekova = rows.find((row) => row[2] === people[1]!.iin)!;
    expect(bekova.slice(5, 9)).toEqual([30, 26.67, 56.67, 56.67]);
    // Opened in Excel, every IIN and name shows whole: the columns are as wide as what they hold.
    const protocol = workbook.worksheets[0]!;
    expect(protocol.getColumn(3).width).toBeGreaterThan(12);
    const longestName = Math.max(
      ...rows.filter((row) => /^\d{12}$/.test(String(row[2]))).map((row) => String(row[1]).length),
    );
    expect(protocol.getColumn(2).width).toBeGreaterThan(longestName);
    const zhumabaev = rows.find((row) => row[2] === people[2]!.iin)!;
    expect(zhumabaev.at(-1)).toBe(`Не явился: ${absenceReason}`);
    // The commission's third column holds what its header says.
    const commissionHeader = rows.findIndex((row) => row[0] === 'Роль');
    expect(rows[commissionHeader]).toEqual(['Роль', 'ФИО', 'Место работы, сертификат']);
    expect(rows[commissionHeader + 2]![2]).toBe(
      `${commission[1]!.employer}, ${commission[1]!.certificate}`,
    );
    // As on paper: the counts by grade, a signature line per member, and the date as written.
    expect(rows.find((row) => row[0] === 'Распределение по оценкам')?.[1]).toMatch(/\w+: \d/);
    const signing = rows.findIndex((row) => row[0] === 'Подписи');
    expect(rows.slice(signing + 1, signing + 1 + commission.length).map((row) => row[2])).toEqual(
      commission.map(() => '____________________'),
    );
    expect(rows.some((row) => /^\d{2}\.\d{2}\.\d{4}$/.test(String(row[1])))).toBe(true);

    // Like the PDF, the workbooks carry the verification link and a QR code that opens it.
    for (const kind of ['protocol', 'statement']) {
      const reply = await officer.get(`${documents()}/${kind}.xlsx?language=ru`);
      expect(reply.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(reply.body).buffer);
      const sheet = book.worksheets[0]!;
      const cells: ExcelJS.CellValue[] = [];
      sheet.eachRow((row) => cells.push(row.getCell(1).value));
      const link = cells.find(
        (value): value is ExcelJS.CellHyperlinkValue =>
          typeof value === 'object' && value !== null && 'hyperlink' in value,
      );
      expect(link?.hyperlink).toMatch(/\/verify\/[A-Z0-9]{10}$/);
      expect(link?.text).toBe(link?.hyperlink);
      const code = link!.hyperlink.split('/').pop()!;
      expect(cells).toContain(`Код проверки: ${code}`);
      const [image] = sheet.getImages();
      const { media } = book.model as unknown as { media: { buffer: Buffer }[] };
      expect(decodeQr(media[Number(image!.imageId)]!.buffer)).toBe(link!.hyperlink);
      const verified = await new Client(app.base).get(`/api/public/verify/${code}`);
      expect(verified.body).toMatchObject({ matches: true, kind: `exam-${kind}` });
    }
  });
});

describe('NOBD template and export', () => {
  const template = {
    id: 'college-nobd@2',
    name: 'Форма колледжа',
    headerLanguage: 'ru',
    columns: [
      { field: 'rowNumber', header: { kk: 'Р/с', ru: '№' } },
      { field: 'iin', header: { kk: 'ЖСН', ru: 'ИИН' } },
      { field: 'fullName', header: { kk: 'Аты-жөні', ru: 'ФИО' } },
      { field: 'examDate', header: { kk: 'Күні', ru: 'Дата' }, dateFormat: 'dd.mm.yyyy' },
      {
        field: 'criterionPoints',
        header: { kk: 'B', ru: 'Критерий B' },
        criterion: 'B',
        decimals: 2,
        decimalSeparator: ',',
      },
      {
        field: 'totalPoints',
        header: { kk: 'Балл', ru: 'Балл' },
        decimals: 2,
        decimalSeparator: ',',
      },
      { field: 'letter', header: { kk: 'Әріп', ru: 'Буква' } },
      {
        field: 'outcome',
        header: { kk: 'Нәтиже', ru: 'Результат' },
        codes: { pass: '1', fail: '0', absent: 'Н', removed: 'У' },
      },
    ],
  };

  it('serves the default template until the college saves a valid one', async () => {
    const got = await officer.get('/api/exam/nobd-template');
    expect(got.body.template.id).toBe('nobd-demo-exam@1');
    const bad = structuredClone(template) as { columns: Record<string, unknown>[] };
    bad.columns[1]!.decimals = 2;
    delete bad.columns[4]!.criterion;
    const refused = await officer.put('/api/exam/nobd-template?lang=en', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      {
        path: 'columns.1.decimals',
        message: 'The option “decimals” does not apply to the field “iin”',
      },
      {
        path: 'columns.4.criterion',
        message: 'Name the criterion (A, B, ...) whose points this column holds',
      },
    ]);
    expect((await officer.get('/api/exam/nobd-template')).body.template.id).toBe(
      'nobd-demo-exam@1',
    );
    const saved = await officer.put('/api/exam/nobd-template', template);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it('exports the CSV byte for byte: BOM, semicolons, dd.mm.yyyy, the template’s column order', async () => {
    const reply = await officer.get(`/api/exam/sessions/${sessionId}/nobd.csv`);
    expect(reply.status).toBe(200);
    const bytes = reply.body as Buffer;
    const [a, b, c, d] = people;
    const expected =
      '\uFEFF' +
      [
        '№;ИИН;ФИО;Дата;Критерий B;Балл;Буква;Результат',
        `1;${a!.iin};${a!.name};19.05.2026;40,00;100,00;A;1`,
        `2;${b!.iin};${b!.name};19.05.2026;26,67;56,67;D+;1`,
        `3;${c!.iin};${c!.name};19.05.2026;;;;Н`,
        `4;${d!.iin};${d!.name};19.05.2026;40,00;40,00;F;0`,
      ].join('\r\n') +
      '\r\n';
    expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('exports the same table as XLSX, and logs every export with who and which session', async () => {
    const reply = await officer.get(`/api/exam/sessions/${sessionId}/nobd.xlsx`);
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(reply.body).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('ИИН');
    expect(sheet.getRow(2).getCell(2).value).toBe(people[0]!.iin);
    expect(sheet.getRow(3).getCell(6).value).toBe('56,67');

    const { exports: all } = (await officer.get(`/api/exam/sessions/${sessionId}/exports`)).body;
    const exports = all.filter((e: { kind: string }) => e.kind === 'nobd');
    // The draft exported while a student was unmarked is logged like any other export.
    expect(exports.map((e: { format: string }) => e.format)).toEqual(['xlsx', 'csv', 'csv']);
    // Every document printed with the students' IINs is in the same log.
    expect(all.filter((e: { kind: string }) => e.kind !== 'nobd')).toContainEqual(
      expect.objectContaining({
        kind: 'protocol',
        format: 'pdf',
        by: expect.objectContaining({ email: 'exam@example.kz' }),
      }),
    );
    expect(exports[0]).toMatchObject({
      sessionId,
      rows: 4,
      templateId: 'college-nobd@2',
      by: { email: 'exam@example.kz' },
    });
    expect(Date.parse(exports[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await otherOfficer.get(`/api/exam/sessions/${sessionId}/nobd.csv`)).status).toBe(403);
  });
});

describe('annual report', () => {
  it('counts the exam for the college and compares the college share with the target', async () => {
    const reply = await officer.get('/api/exam/report?academicYear=2025-2026');
    expect(reply.status).toBe(200);
    const { report } = reply.body;
    expect(report.totals).toMatchObject({ examsHeld: 1, studentsExamined: 3, passed: 2 });
    expect(report.collegeShare).toMatchObject({ ran: 1, total: 1, percent: 100, target: 100 });
    expect(report.bySpecialty[0].qualification.code).toBe('4S06130105');
    expect((await officer.get('/api/exam/report?academicYear=2025')).status).toBe(400);
  });

  it('exports the report as XLSX in the caller’s language', async () => {
    const reply = await officer.get('/api/exam/report.xlsx?academicYear=2025-2026&lang=kk');
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(reply.body).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Қорытынды',
      'Өңірлер',
      'Колледждер',
      'Мамандықтар',
      'Бағалар',
    ]);
    const summary = workbook.worksheets[0]!;
    expect(summary.getRow(6).values).toEqual([undefined, 1, 3, 2, 66.67]);
    expect(summary.getRow(12).values).toEqual([undefined, 'Мақсатқа жетті', 'иә']);
    // The grade distribution: in all of the scope, then per region, three students in all.
    const rows: unknown[][] = [];
    workbook.worksheets[4]!.eachRow(
      (row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)),
    );
    const total = rows.filter((row) => row[0] === 'Барлық қамту');
    expect(total.every((row) => row[1] === 'kz-letter@2022')).toBe(true);
    expect(total.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(3);
    expect(rows.length).toBe(total.length * 2);
  });
});

describe('deleting a session', () => {
  it('is refused once the exam has marks, and the session, its PINs and results stay', async () => {
    const body = await refusedWithoutChange(
      () => officer.request('DELETE', `/api/exam/sessions/${sessionId}?lang=en`),
      409,
    );
    expect(body.error.details[0].message).toBe('The exam already has marks: it cannot be deleted');
    expect(
      (await officer.get(`/api/exam/sessions/${sessionId}/results`)).body.results,
    ).toHaveLength(4);
  });

  it('ends its sign-ins and removes its personal data for every role, keeping an audit record', async () => {
    const { accounts, store, log, competitions } = app.services;
    await accounts.createOrganiser({
      email: 'national@example.kz',
      name: 'Национальный оператор',
      password,
      scope: { kind: 'all' },
      roles: ['organiser'],
    });
    const organiser = await signIn('national@example.kz');
    const created = await officer.post('/api/exam/sessions', sessionInput);
    const doomed = created.body.session.id as string;
    const base = `/api/exam/sessions/${doomed}`;
    const saved = await officer.put(`${base}/commission`, { members: commission });
    expect(saved.status).toBe(200);
    const students = [
      { name: 'Удалённая Алия Ерланқызы', iin: studentIin() },
      { name: 'Удалённый Бауыржан Серікұлы', iin: studentIin() },
    ];
    const file = csv(students.map((s) => [s.name, s.iin, 'ПО-22-2', '1']));
    expect((await officer.post(`${base}/students/import`, file)).status).toBe(201);
    const members = saved.body.session.commission.filter((m: { marks: boolean }) => m.marks);
    const pins: string[] = [];
    for (const member of members.slice(0, 2)) {
      pins.push((await officer.post(`${base}/commission/${member.id}/credential`)).body.pin);
    }
    const tablet = new Client(app.base);
    const signedIn = await tablet.post('/api/auth/pin', { competitionId: doomed, pin: pins[0] });
    expect(signedIn.status).toBe(200);
    expect((await tablet.get('/api/expert/competition')).status).toBe(200);
    // Before: the organiser reads the students with their IINs through the competition.
    const before = await organiser.get(`/api/organiser/competitions/${doomed}/competitors`);
    expect(before.body.competitors.map((c: { iin: string }) => c.iin).sort()).toEqual(
      students.map((s) => s.iin).sort(),
    );
    const runtime = competitions.get(doomed)!;
    const student = [...runtime.state.people.keys()][0]!;

    expect((await officer.request('DELETE', base)).status).toBe(204);

    // The commission: its PINs no longer sign in, an open tablet is signed out, and a tablet
    // whose connection still held the runtime has its mark refused by the closed log.
    const again = await new Client(app.base).post('/api/auth/pin?lang=en', {
      competitionId: doomed,
      pin: pins[1],
    });
    expect(again.status).toBe(401);
    expect(again.body.error.details[0].message).toMatch(/PIN/);
    const mark = {
      id: 'after-delete-1',
      competitor: student,
      aspect: 'A1.M1',
      value: { kind: 'choice' as const, option: 0 },
    };
    expect((await tablet.post('/api/expert/marks', { marks: [mark] })).status).toBe(401);
    expect(await runtime.recordMarks(members[0].id, [mark])).toEqual([
      { id: mark.id, status: 'rejected', reason: 'competition_closed', params: {} },
    ]);
    // The exam officer and the organiser: the session and its people are gone everywhere. A
    // session id the officer's college does not hold is refused alike, whether it ever existed.
    for (const path of ['', '/results', '/documents/protocol.pdf', '/exports']) {
      expect((await officer.get(`${base}${path}`)).status).toBe(403);
    }
    const listed = (await officer.get('/api/exam/sessions')).body.sessions;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await organiser.get('/api/exam/sessions')).body.sessions).toHaveLength(1);
    for (const path of ['competitors', 'experts', '']) {
      const read = await organiser.get(`/api/organiser/competitions/${doomed}/${path}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(students[0]!.iin);
    }
    for (const path of ['roster', 'overview', 'events']) {
      expect((await organiser.get(`/api/chief/competitions/${doomed}/${path}`)).status).toBe(404);
    }
    for (const s of students) {
      expect(await store.findDocuments('competitors', { iin: s.iin })).toEqual([]);
    }
    expect(await store.findDocuments('experts', { competitionId: doomed })).toEqual([]);
    expect(await accounts.activeCredentialsOf(doomed)).toEqual([]);

    // Kept for an audit: the record of the deletion and the session's closed log, no IIN in either.
    const record = await store.getDocument('exam-deletions', doomed);
    expect(record?.document).toMatchObject({
      collegeId: 'astana-it',
      students: 2,
      commission: commission.length,
      deletedBy: expect.any(String),
    });
    const events = [];
    for await (const event of log.read(doomed)) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'competition.closed' });
    expect(await log.verify(doomed)).toMatchObject({ ok: true, events: events.length });
    expect(iinShapedNumbers([record, events])).toEqual([]);
  });
});
