/**
 * Where things are in a CIS "Marking Scheme Import" workbook (handbook cis-workbook.md).
 * Columns are 1-based as in exceljs. The reader finds header rows by their text and uses these
 * columns only where a header row does not say otherwise; the writer uses them as they are.
 */

import { columnLetter } from '@ashyq/shared';

export const schemeSheetName = 'CIS Marking Scheme Import';
export const calculationsSheetName = 'Calculations';

export const sectionColumns = {
  id: 1,
  name: 2,
  weight: 9,
  aspectMarks: 10,
  variation: 11,
} as const;
export const criteriaColumns = { id: 1, name: 2, mark: 11 } as const;
export const calculationColumns = { name: 1, type: 2, flag: 3, parameters: 4 } as const;
/** C is a flag the importer does not need; the writer marks names shared by several aspects. */
export const calculationHeaderTexts = ['Name', 'Type', 'Reusable', 'Parameters'] as const;

export type BlockField =
  | 'id'
  | 'name'
  | 'day'
  | 'type'
  | 'description'
  | 'score'
  | 'extra'
  | 'requirement'
  | 'section'
  | 'calculation'
  | 'maxMark';

/** Marking block columns: A sub-criterion ID ... K max mark; L "Criterion A", M label, N block total. */
export const blockColumns: Record<BlockField, number> = {
  id: 1,
  name: 2,
  day: 3,
  type: 4,
  description: 5,
  score: 6,
  extra: 7,
  requirement: 8,
  section: 9,
  calculation: 10,
  maxMark: 11,
};
export const blockCriterionColumn = 12;
export const blockTotalLabelColumn = 13;
export const blockTotalColumn = 14;

/** The header texts of real CIS workbooks, written on export. */
export const blockHeaderTexts: Record<BlockField, string> = {
  id: 'Sub Criterion ID',
  name: 'Sub Criterion Name or Description',
  day: 'Day of Marking',
  type: 'Aspect Type M = Meas J = Judg',
  description: 'Aspect Description',
  score: 'Judg Score',
  extra: 'Extra Aspect Description (Meas or Judg) OR Judgement Score Description (Judg only)',
  requirement: 'Requirement or Nominal Size (Meas ONLY)',
  section: 'WSOS Section',
  calculation: 'Calculation',
  maxMark: 'Max Mark',
};

/** Header text reduced to lowercase letters and digits, so "Sub-Criterion ID" = "Sub Criterion ID". */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Which block field a header cell names. Order matters: the extra-description header also
 * mentions "aspect description" and "judgement score", so it is recognised first.
 */
export function blockFieldOfHeader(text: string): BlockField | undefined {
  const h = normaliseHeader(text);
  if (h.startsWith('subcriterionid')) return 'id';
  if (h.startsWith('subcriterionname') || h === 'subcriterion') return 'name';
  if (h.includes('extra') || h.includes('scoredescription')) return 'extra';
  if (h.includes('day')) return 'day';
  if (h.includes('aspecttype') || h === 'type') return 'type';
  if (h.includes('aspectdescription') || h === 'description') return 'description';
  if (h.includes('score')) return 'score';
  if (h.includes('requirement') || h.includes('nominal')) return 'requirement';
  if (h.includes('section')) return 'section';
  if (h.includes('calculation')) return 'calculation';
  if (h.includes('maxmark') || h === 'mark') return 'maxMark';
  return undefined;
}

/** The letter of a 1-based exceljs column (1 -> A, 27 -> AA). */
export function columnLetterOf(column: number): string {
  return columnLetter(column - 1);
}

export function cellAddress(column: number, row: number): string {
  return `${columnLetterOf(column)}${row}`;
}
