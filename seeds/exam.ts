import type {
  College,
  GradeScaleId,
  Localized,
  MarkingScheme,
  PersonName,
  Rng,
} from '@ashyq/shared';
import { pick, type PeopleFactory } from './people';
import { softwareDemoExamScheme } from './schemes/software-demo-exam';

/**
 * The demo exam session (docs/demo-exams.md): a college's final attestation of one group in
 * specialty 06130100 Software, with its commission and 20 students. Nothing is marked yet; it
 * is there to walk through the exam officer's flow.
 */

export type CommissionRole = 'chair' | 'chief' | 'expert' | 'technical' | 'secretary';

export interface CommissionMember {
  id: string;
  name: PersonName;
  iin: string;
  role: CommissionRole;
  employer: string;
  certificate?: string;
  /** Set for staff of a college (the exam's own college only for non-marking members). */
  collegeId?: string;
  /** Whether the member enters marks; college staff never do. */
  marks: boolean;
}

export interface ExamStudent {
  id: string;
  name: PersonName;
  iin: string;
  group: string;
  variant: number;
}

export interface DemoExamSession {
  id: string;
  collegeId: string;
  regionId: string;
  academicYear: string;
  examType: 'intermediate' | 'final';
  specialty: { code: string; name: Localized };
  qualification: { code: string; name: Localized };
  groups: string[];
  site: string;
  /** ISO with the Astana offset. */
  startsAt: string;
  endsAt: string;
  task: Localized;
  variants: number;
  scheme: MarkingScheme;
  maxPoints: number;
  profileId: string;
  gradeScaleId: GradeScaleId;
  commission: CommissionMember[];
  students: ExamStudent[];
}

const GROUP = 'ПО-22-1';
const STUDENTS = 20;

interface MemberSpec {
  role: CommissionRole;
  employer: string;
  certificate?: string;
  collegeId?: string;
}

/**
 * `otherCollege` lends the chief expert: an expert-organiser from another college is
 * independent of these students, as the methodological recommendations require.
 */
export function buildExamSession(
  people: PeopleFactory,
  rng: Rng,
  college: College,
  otherCollege: College,
): DemoExamSession {
  const id = 'demo-exam-2026-po-22-1';
  const members: MemberSpec[] = [
    { role: 'chair', employer: 'ТОО «Qazaq Code Lab», директор' },
    {
      role: 'chief',
      employer: otherCollege.name.ru,
      certificate: 'WSK-E-2024-0311',
      collegeId: otherCollege.id,
    },
    {
      role: 'expert',
      employer: 'ТОО «Astana Digital Service», ведущий разработчик',
      certificate: 'WSK-E-2025-0872',
    },
    { role: 'expert', employer: 'ТОО «Көкжиек Телеком», инженер-программист' },
    { role: 'expert', employer: 'ТОО «Дала Софт», руководитель отдела тестирования' },
    { role: 'technical', employer: college.name.ru, collegeId: college.id },
    { role: 'secretary', employer: college.name.ru, collegeId: college.id },
  ];
  const commission = members.map((spec, index): CommissionMember => {
    const person = people.person({ born: { from: '1970-01-01', to: '1994-12-31' } });
    return {
      id: `${id}-m${index + 1}`,
      ...person,
      ...spec,
      marks: spec.role === 'chief' || spec.role === 'expert',
    };
  });
  const students = Array.from({ length: STUDENTS }, (_, index): ExamStudent => ({
    id: `${id}-s${String(index + 1).padStart(2, '0')}`,
    ...people.person({ born: { from: '2006-09-01', to: '2007-08-31' } }),
    group: GROUP,
    variant: pick(rng, [1, 2]),
  }));
  const maxPoints = softwareDemoExamScheme.criteria.reduce((sum, c) => sum + c.maxMark, 0);
  return {
    id,
    collegeId: college.id,
    regionId: college.regionId,
    academicYear: '2025-2026',
    examType: 'final',
    specialty: {
      code: '06130100',
      name: { kk: 'Бағдарламалық қамтамасыз ету', ru: 'Программное обеспечение', en: 'Software' },
    },
    qualification: {
      code: '4S06130105',
      name: {
        kk: 'Бағдарламалық қамтамасыз етуді әзірлеуші',
        ru: 'Разработчик программного обеспечения',
        en: 'Software developer',
      },
    },
    groups: [GROUP],
    site: 'Центр компетенций колледжа, аудитория 304',
    startsAt: '2026-05-19T09:00:00+05:00',
    endsAt: '2026-05-19T16:00:00+05:00',
    task: {
      kk: 'Сервис орталығының өтінімдерін есепке алу ақпараттық жүйесі',
      ru: 'Информационная система учёта заявок сервисного центра',
      en: 'Service centre request tracking system',
    },
    variants: 2,
    scheme: softwareDemoExamScheme,
    maxPoints,
    profileId: 'kz-demo-exam@2022',
    gradeScaleId: 'kz-letter@2022',
    commission,
    students,
  };
}
