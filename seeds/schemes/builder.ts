import type {
  Aspect,
  Criterion,
  Localized,
  MarkingScheme,
  MeasurementSpec,
  Section,
  SubCriterion,
} from '@ashyq/shared';

/**
 * A small vocabulary for writing marking schemes as readable data. Aspects are written without
 * codes; `subCriterion` numbers them the way the CIS workbook does (A1.M1, A1.M2, A1.J1, ...), so
 * inserting an aspect while editing never leaves a stale code behind.
 */

export interface SeedSkill {
  /** WorldSkills skill number, e.g. '17'. */
  number: string;
  name: Localized;
}

export type AspectDraft = Omit<Aspect, 'code'>;
export type Descriptors = [score0: string, score1: string, score2: string, score3: string];

/** A measurement aspect; binary unless a deduction or choice spec is given. */
export function measured(
  section: string,
  maxMark: number,
  description: string,
  requirement: string,
  measurement?: MeasurementSpec,
): AspectDraft {
  return {
    type: 'M',
    section,
    maxMark,
    description,
    requirement,
    ...(measurement && { measurement }),
  };
}

/** A judgement aspect scored 0..3 by a panel against four descriptors. */
export function judged(
  section: string,
  maxMark: number,
  description: string,
  descriptors: Descriptors,
): AspectDraft {
  return { type: 'J', section, maxMark, description, descriptors };
}

/** CIS REGULAR_DIFFERENCE_DEDUCTION: `deduction` off the max per whole `unit` away from `target`. */
export function deductionPerUnit(target: number, unit: number, deduction: number): MeasurementSpec {
  return { kind: 'deduction', target, unit, deduction, differenceType: 'Number' };
}

/**
 * CIS CHOICE with the usual three options: full marks, one partial outcome that costs
 * `partialDeduction`, and no marks (deducts the whole max).
 */
export function fullPartialNone(
  maxMark: number,
  partialLabel: string,
  partialDeduction: number,
): MeasurementSpec {
  return {
    kind: 'choice',
    options: [
      { label: 'Full Marks', deduction: 0 },
      { label: partialLabel, deduction: partialDeduction },
      { label: 'No Marks', deduction: maxMark },
    ],
  };
}

/** Numbers the aspects per type in order of appearance: the third M aspect of A1 is A1.M3. */
export function subCriterion(
  id: string,
  name: string,
  day: number,
  aspects: AspectDraft[],
): SubCriterion {
  const counters = { M: 0, J: 0 };
  return {
    id,
    name,
    day,
    aspects: aspects.map((draft) => {
      counters[draft.type] += 1;
      const code = `${id}.${draft.type}${counters[draft.type]}`;
      // A non-binary measurement points at its own row of the CIS "Calculations" sheet.
      const calculation =
        draft.measurement && draft.measurement.kind !== 'binary' ? code : undefined;
      return { code, ...draft, ...(calculation && { calculation }) };
    }),
  };
}

/**
 * `maxMark` is stated, as in the workbook's criteria block, rather than summed here: the
 * scheme tests then catch an aspect whose mark was mistyped.
 */
export function criterion(
  id: string,
  name: string,
  maxMark: number,
  subCriteria: SubCriterion[],
): Criterion {
  return { id, name, maxMark, subCriteria };
}

/** The scheme carries the Russian skill name, as the title cell of Kazakhstan workbooks does. */
export function markingScheme(
  skill: SeedSkill,
  sections: Section[],
  criteria: Criterion[],
): MarkingScheme {
  return { skill: { number: skill.number, name: skill.name.ru }, sections, criteria };
}
