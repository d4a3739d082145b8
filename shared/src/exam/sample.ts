import { seededRng, syntheticIin } from '../identifiers/synthetic';
import type { MarkingScheme } from '../scheme/schema';
import { examSessionSchema, type ExamSession } from './session';

/**
 * A synthetic exam session for tests and benchmarks: a 100-point scheme (A 60 measured, B 40
 * judged), one chair, one independent chief expert, three employers' experts, a secretary from
 * the college, and `students` students with synthetic IINs in groups of `groupSize`.
 */

const descriptors: [string, string, string, string] = [
  'Не выполнено',
  'Выполнено частично',
  'Выполнено',
  'Выполнено превосходно',
];

export const sampleScheme: MarkingScheme = {
  skill: { number: '09', name: 'Программные решения для бизнеса' },
  sections: [{ id: '1', name: 'Разработка', weight: 100 }],
  criteria: [
    {
      id: 'A',
      name: 'Разработка модулей',
      maxMark: 60,
      subCriteria: [
        {
          id: 'A1',
          name: 'Модули',
          day: 1,
          aspects: [
            {
              code: 'A1.M1',
              type: 'M',
              description: 'Модуль учёта заявок работает',
              section: '1',
              maxMark: 60,
              measurement: {
                kind: 'choice',
                options: [
                  { label: 'Полностью', deduction: 0 },
                  { label: 'Частично', deduction: 30 },
                  { label: 'Нет', deduction: 60 },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      id: 'B',
      name: 'Качество решения',
      maxMark: 40,
      subCriteria: [
        {
          id: 'B1',
          name: 'Качество',
          day: 1,
          aspects: [
            {
              code: 'B1.J1',
              type: 'J',
              description: 'Качество интерфейса',
              section: '1',
              maxMark: 40,
              descriptors,
            },
          ],
        },
      ],
    },
  ],
};

export function sampleExamSession(
  options: { students?: number; groupSize?: number; seed?: number } = {},
): ExamSession {
  const { students = 6, groupSize = 25, seed = 2026 } = options;
  const rng = seededRng(seed);
  const groupCount = Math.max(1, Math.ceil(students / groupSize));
  const groups = Array.from({ length: groupCount }, (_, g) => `ПО-22-${g + 1}`);
  const adult = { from: '1970-01-01', to: '1995-12-31' } as const;
  // Thousands of random IINs from two birth years would repeat one now and then.
  const taken = new Set<string>();
  const uniqueIin = (): string => {
    for (;;) {
      const iin = syntheticIin(rng, { from: '2006-01-01', to: '2007-12-31' });
      if (!taken.has(iin)) return (taken.add(iin), iin);
    }
  };
  const member = (index: number, role: string, marks: boolean, collegeId?: string) => ({
    id: `m${index}`,
    name: { last: `Әбенов${index}`, first: 'Қайрат', middle: 'Ұланұлы' },
    iin: syntheticIin(rng, adult),
    role,
    employer: collegeId ? 'Колледж' : 'ТОО «Дала Софт»',
    certificate: marks ? `WSK-E-2025-${index}` : undefined,
    ...(collegeId ? { collegeId } : {}),
    marks,
  });
  return examSessionSchema.parse({
    id: 'exam-sample',
    collegeId: 'astana-it',
    college: {
      name: {
        kk: '«Цифрлық Астана» ақпараттық технологиялар колледжі',
        ru: 'Колледж информационных технологий «Цифровая Астана»',
      },
      bin: '940140000385',
    },
    regionId: 'astana',
    academicYear: '2025-2026',
    examType: 'final',
    specialty: {
      code: '06130100',
      name: { kk: 'Бағдарламалық қамтамасыз ету', ru: 'Программное обеспечение' },
    },
    qualification: {
      code: '4S06130105',
      name: {
        kk: 'Бағдарламалық қамтамасыз етуді әзірлеуші',
        ru: 'Разработчик программного обеспечения',
      },
    },
    groups,
    site: 'Аудитория 304',
    startsAt: '2026-05-19T09:00:00+05:00',
    endsAt: '2026-05-19T16:00:00+05:00',
    task: { kk: 'Өтінімдерді есепке алу жүйесі', ru: 'Система учёта заявок' },
    variants: 2,
    scheme: sampleScheme,
    profileId: 'kz-demo-exam@2022',
    gradeScaleId: 'kz-letter@2022',
    protocolNumber: '7-ДЭ',
    commission: [
      member(1, 'chair', false),
      member(2, 'chief', true, 'saryarka-college'),
      member(3, 'employer-expert', true),
      member(4, 'employer-expert', true),
      member(5, 'expert', true),
      member(6, 'secretary', false, 'astana-it'),
    ],
    students: Array.from({ length: students }, (_, index) => ({
      id: `s${String(index + 1).padStart(4, '0')}`,
      name: { last: `Жұмабаев${index + 1}`, first: 'Айгүл', middle: 'Өмірқызы' },
      iin: uniqueIin(),
      group: groups[Math.floor(index / groupSize)]!,
      variant: String((index % 2) + 1),
    })),
  });
}
