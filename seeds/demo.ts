import {
  type Championship,
  type College,
  compatriotKeyFor,
  type Competition,
  type Competitor,
  type Expert,
  getProfile,
  type MarkingScheme,
  type Rng,
  seededRng,
} from '@ashyq/shared';
import { demoColleges } from './colleges';
import { buildExamSession, type DemoExamSession } from './exam';
import {
  astanaTime,
  drawAbilities,
  recordMarks,
  rotatingPanels,
  withJudgeScores,
  withJudgeTendencies,
  withoutLastEntry,
  type DemoMark,
  type DemoPanel,
  type MarkingRound,
} from './marks';
import { distinctPins, PeopleFactory } from './people';
import type { SeedSkill } from './schemes/builder';
import { cookingScheme, cookingSkill } from './schemes/cooking';
import { webTechnologiesScheme, webTechnologiesSkill } from './schemes/web-technologies';
import { weldingScheme, weldingSkill } from './schemes/welding';

export type { DemoMark, DemoPanel } from './marks';
export type { CommissionMember, CommissionRole, DemoExamSession, ExamStudent } from './exam';

/**
 * The demo loaded on an empty DATA_DIR: a WorldSkills Kazakhstan 2026 regional championship in
 * Astana with Web Technologies, Welding and Cooking, and a college demo exam session. Everything
 * is drawn from one fixed seed, so every start shows the same people, marks and PINs.
 *
 * Marking state tells a story a visitor can follow: Web Technologies has day 1 fully marked,
 * A1 locked and signed off, and B1 held back by an open judge discrepancy; Welding is halfway
 * through day 1 with one judge still to score; Cooking has not started.
 */

export const DEMO_SEED = 20260311;

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  roles: ('organiser' | 'exam-officer')[];
  scope: { kind: 'all' } | { kind: 'college'; collegeId: string };
}

export interface DemoLock {
  subCriterionId: string;
  by: string;
  at: string;
}

export interface DemoSignOff {
  subCriterionId: string;
  expertId: string;
  at: string;
}

/** Marks, locks and sign-offs are events: replay them merged by `at`. */
export interface MarkingState {
  marks: DemoMark[];
  locks: DemoLock[];
  signOffs: DemoSignOff[];
}

/** One competency with its people, marking teams and marking state. */
export interface DemoCompetition extends MarkingState {
  competition: Competition & { scheme: MarkingScheme };
  competitors: Competitor[];
  experts: Expert[];
  panels: DemoPanel[];
}

type CompetitionBase = Omit<DemoCompetition, keyof MarkingState>;

export interface Demo {
  accounts: DemoAccount[];
  colleges: College[];
  championship: Championship;
  competitions: DemoCompetition[];
  examSession: DemoExamSession;
  /** Six-digit sign-in PIN by expert id (championship experts and the exam's marking members). */
  expertPins: Record<string, string>;
}

const DEMO_PASSWORD = 'Ashyq-Demo-2026';
const CHAMPIONSHIP_ID = 'wsk-2026-astana';
const PROFILE_ID = 'wsk-championship@2024';
const PANEL_SIZE = 4;
const compatriotKey = compatriotKeyFor(getProfile(PROFILE_ID)!, 'regional');

/** A marking expert: a teacher of a college (a compatriot of its competitors) or an employer. */
type MarkerSpec = { collegeId: string } | { employer: string };

interface CompetitionSpec {
  key: string;
  skill: SeedSkill;
  scheme: MarkingScheme;
  /** Competitors per college; the guest competes out of contest. */
  entries: { collegeId: string; count: number; guest?: true }[];
  chiefEmployer: string;
  markers: MarkerSpec[];
  markingState: (base: CompetitionBase, rng: Rng) => MarkingState;
}

const competitionSpecs: CompetitionSpec[] = [
  {
    key: 'web',
    skill: webTechnologiesSkill,
    scheme: webTechnologiesScheme,
    entries: [
      { collegeId: 'astana-it', count: 3 },
      { collegeId: 'astana-industrial', count: 2 },
      { collegeId: 'kokshe-polytechnic', count: 2 },
      { collegeId: 'saryarka-college', count: 2 },
      { collegeId: 'ontustik-technical', count: 1, guest: true },
    ],
    chiefEmployer: 'ТОО «Байқоңыр Софт», технический директор',
    markers: [
      { collegeId: 'astana-it' },
      { collegeId: 'astana-industrial' },
      { collegeId: 'kokshe-polytechnic' },
      { collegeId: 'saryarka-college' },
      { employer: 'ТОО «Steppe Web Studio», ведущий frontend-разработчик' },
    ],
    markingState: markWebTechnologies,
  },
  {
    key: 'welding',
    skill: weldingSkill,
    scheme: weldingScheme,
    entries: [
      { collegeId: 'astana-industrial', count: 2 },
      { collegeId: 'kokshe-polytechnic', count: 2 },
      { collegeId: 'saryarka-college', count: 2 },
      { collegeId: 'ertis-college', count: 2 },
      { collegeId: 'ontustik-technical', count: 1, guest: true },
    ],
    chiefEmployer: 'ТОО «Ертіс Энергомонтаж», инженер по сварке',
    markers: [
      { collegeId: 'astana-industrial' },
      { collegeId: 'kokshe-polytechnic' },
      { collegeId: 'saryarka-college' },
      { collegeId: 'ertis-college' },
      { collegeId: 'ontustik-technical' },
      { employer: 'ТОО «Сарыарқа Металл Құрылым», главный сварщик' },
    ],
    markingState: markWelding,
  },
  {
    key: 'cooking',
    skill: cookingSkill,
    scheme: cookingScheme,
    entries: [
      { collegeId: 'astana-service', count: 4 },
      { collegeId: 'kokshe-polytechnic', count: 2 },
      { collegeId: 'saryarka-college', count: 2 },
      { collegeId: 'ertis-college', count: 2 },
      { collegeId: 'alatau-hospitality', count: 1, guest: true },
    ],
    chiefEmployer: 'Гостиничный комплекс «Есіл Плаза», шеф-повар',
    markers: [
      { collegeId: 'astana-service' },
      { collegeId: 'kokshe-polytechnic' },
      { collegeId: 'saryarka-college' },
      { collegeId: 'ertis-college' },
      { employer: 'Ресторан «Дастархан», шеф-повар' },
    ],
    markingState: () => ({ marks: [], locks: [], signOffs: [] }),
  },
];

/** Fisher-Yates with the demo's rng: workstation numbers are drawn, not grouped by college. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** A made-up expert certificate number (the format of real ones is not public). */
function certificateNumber(rng: Rng): string {
  return `WSK-E-${2021 + Math.floor(rng() * 5)}-${String(Math.floor(rng() * 10_000)).padStart(4, '0')}`;
}

function buildCompetition(
  spec: CompetitionSpec,
  colleges: ReadonlyMap<string, College>,
  people: PeopleFactory,
  rng: Rng,
): CompetitionBase {
  const competitionId = `${CHAMPIONSHIP_ID}-${spec.key}`;
  const entrants = shuffled(
    rng,
    spec.entries.flatMap((entry) => Array.from({ length: entry.count }, () => entry)),
  );
  const competitors = entrants.map((entry, index): Competitor => {
    const college = colleges.get(entry.collegeId)!;
    return {
      id: `${spec.key}-${twoDigits(index + 1)}`,
      competitionId,
      ...people.person({ born: { from: '2004-03-14', to: '2009-12-31' } }),
      collegeId: college.id,
      regionId: college.regionId,
      guest: entry.guest === true,
    };
  });
  const expertPerson = () => people.person({ born: { from: '1968-01-01', to: '1996-12-31' } });
  const chief: Expert = {
    id: `${spec.key}-chief`,
    competitionId,
    ...expertPerson(),
    regionId: 'astana',
    certificate: certificateNumber(rng),
    employer: spec.chiefEmployer,
    role: 'chief',
  };
  const markers = spec.markers.map((marker, index): Expert => {
    const base = { id: `${spec.key}-e${index + 1}`, competitionId, ...expertPerson() };
    if ('employer' in marker) {
      return {
        ...base,
        regionId: 'astana',
        certificate: certificateNumber(rng),
        employer: marker.employer,
        role: 'independent',
      };
    }
    const college = colleges.get(marker.collegeId)!;
    return {
      ...base,
      collegeId: college.id,
      regionId: college.regionId,
      employer: college.name.ru,
      role: 'expert',
    };
  });
  const competition = {
    id: competitionId,
    championshipId: CHAMPIONSHIP_ID,
    skill: { number: spec.skill.number, name: spec.skill.name },
    profileId: PROFILE_ID,
    scheme: spec.scheme,
    schemeVersion: 1,
    createdAt: '2026-01-27T11:00:00+05:00',
  };
  return {
    competition,
    competitors,
    experts: [chief, ...markers],
    panels: rotatingPanels(spec.scheme, markers, PANEL_SIZE),
  };
}

function day1Rounds(scheme: MarkingScheme, competitors: readonly Competitor[]): MarkingRound[] {
  return scheme.criteria
    .flatMap((c) => c.subCriteria)
    .filter((sc) => sc.day === 1)
    .map((sc) => ({ subCriterionId: sc.id, competitors }));
}

const minutes = (n: number) => n * 60_000;

/** Day 1 fully marked, A1 locked and signed off, B1's first judgement aspect in dispute. */
function markWebTechnologies(base: CompetitionBase, rng: Rng): MarkingState {
  const { competition, competitors, experts, panels } = base;
  const recorded = recordMarks({
    idPrefix: 'web',
    scheme: competition.scheme,
    experts,
    panels,
    rounds: day1Rounds(competition.scheme, competitors),
    abilities: drawAbilities(rng, competitors),
    compatriotKey,
    startsAt: Date.parse('2026-03-11T15:00:00+05:00'),
    rng,
  });
  // One lenient and one severe marker, so the chief's Judges tab shows its flags on first start.
  const [, lenient, , severe] = experts.filter((e) => e.role === 'expert');
  const tendencies = withJudgeTendencies(recorded, lenient!.id, severe!.id);
  const marks = withJudgeScores(tendencies, 'B1.J1', competitors[3]!.id, [1, 3, 2]);
  const lastA1 = Date.parse(marks.findLast((m) => m.aspect.startsWith('A1.'))!.at);
  const lockedAt = lastA1 + minutes(12);
  const chief = experts.find((e) => e.role === 'chief')!;
  const a1Panel = panels.find((p) => p.subCriterionId === 'A1')!;
  return {
    marks,
    locks: [{ subCriterionId: 'A1', by: chief.id, at: astanaTime(lockedAt) }],
    signOffs: a1Panel.experts.map((expertId, k) => ({
      subCriterionId: 'A1',
      expertId,
      at: astanaTime(lockedAt + minutes(3 + 4 * k)),
    })),
  };
}

/** A1 marked for everyone, A2 for the first five, the fifth still waiting for its third judge. */
function markWelding(base: CompetitionBase, rng: Rng): MarkingState {
  const { competition, competitors, experts, panels } = base;
  const marks = recordMarks({
    idPrefix: 'welding',
    scheme: competition.scheme,
    experts,
    panels,
    rounds: [
      { subCriterionId: 'A1', competitors },
      { subCriterionId: 'A2', competitors: competitors.slice(0, 5) },
    ],
    abilities: drawAbilities(rng, competitors),
    compatriotKey,
    startsAt: Date.parse('2026-03-11T15:30:00+05:00'),
    rng,
  });
  return { marks: withoutLastEntry(marks, 'A2.J1', competitors[4]!.id), locks: [], signOffs: [] };
}

export function buildDemo(seed = DEMO_SEED): Demo {
  const peopleRng = seededRng(seed);
  const marksRng = seededRng(seed + 1);
  const codesRng = seededRng(seed + 2);
  const people = new PeopleFactory(peopleRng);

  const colleges = demoColleges(codesRng);
  const collegeById = new Map(colleges.map((c) => [c.id, c]));

  const championship: Championship = {
    id: CHAMPIONSHIP_ID,
    name: {
      kk: 'WorldSkills Kazakhstan 2026: Астана қаласының өңірлік чемпионаты',
      ru: 'WorldSkills Kazakhstan 2026: региональный чемпионат города Астаны',
      en: 'WorldSkills Kazakhstan 2026: Astana regional championship',
    },
    level: 'regional',
    track: 'wsk',
    season: 2026,
    hostRegionId: 'astana',
    startsOn: '2026-03-10',
    endsOn: '2026-03-13',
    venue: 'Астана, центр компетенций Высшего индустриального колледжа «Есиль»',
    // Boards show only locked marks: provisional figures are not broadcast while a panel may
    // still re-score or the chief expert resolve a discrepancy (the profile's default too).
    publication: { policy: 'locked' },
    profileId: PROFILE_ID,
    createdAt: '2026-01-20T10:00:00+05:00',
  };

  const competitions = competitionSpecs.map((spec): DemoCompetition => {
    const base = buildCompetition(spec, collegeById, people, peopleRng);
    return { ...base, ...spec.markingState(base, marksRng) };
  });

  const examSession = buildExamSession(
    people,
    peopleRng,
    collegeById.get('astana-it')!,
    collegeById.get('saryarka-college')!,
  );

  const signingIn = [
    ...competitions.flatMap((c) => c.experts.map((e) => e.id)),
    ...examSession.commission.filter((m) => m.marks).map((m) => m.id),
  ];
  const pins = distinctPins(codesRng, signingIn.length);
  const expertPins = Object.fromEntries(signingIn.map((id, index) => [id, pins[index]!]));

  return {
    accounts: [
      {
        email: 'admin@ashyq.kz',
        password: DEMO_PASSWORD,
        name: 'Организатор чемпионата',
        roles: ['organiser'],
        scope: { kind: 'all' },
      },
      {
        email: 'exam@ashyq.kz',
        password: DEMO_PASSWORD,
        name: 'Экзаменационный отдел колледжа',
        roles: ['exam-officer'],
        scope: { kind: 'college', collegeId: 'astana-it' },
      },
    ],
    colleges,
    championship,
    competitions,
    examSession,
    expertPins,
  };
}

export const demo: Demo = buildDemo();
