/**
 * Where things are in a CIS "Marking Scheme Import" workbook (docs/marking-schemes.md).
 * Columns are 1-based as in exceljs. The reader finds header rows by their text and uses these
 * columns only where a header row does not say otherwise; the writer uses them as they are.
 */

import { columnLetter } from '@ashyq/shared';

export const schemeSheetName = 'CIS Marking Scheme Import';
/**
 * No mark, weight or criterion in a scheme comes near this (WorldSkills schemes total 100); a
 * larger figure is a typo or damage, and would overflow the sums in millionths.
 */
export const markLimit = 1000;
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

/**
 * Header text reduced to lowercase letters and digits of any script, so "Sub-Criterion\nID" reads
 * as "subcriterionid" and a Russian header keeps its letters.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Which block field a header cell names, in the wordings real workbooks use: "Sub Criterion ID"
 * and "Sub Criteria ID", "Aspect Type M = Meas J = Judg" and "Aspect Type O = Obj S = Sub",
 * "Judg Score" and "Judge Score", a few Russian headers. Order matters: the extra-description
 * header also mentions "aspect description" and "judgement score", so it is recognised first.
 */
export function blockFieldOfHeader(text: string): BlockField | undefined {
  const h = normaliseHeader(text);
  if (isSubCriterionIdHeader(text)) return 'id';
  if (
    /^subcriteri(on|a)(name|description)?/.test(h) ||
    /^(наименование|название)подкритери/.test(h)
  )
    return 'name';
  if (h.includes('extra') || h.includes('scoredescription') || h.startsWith('дополнительн'))
    return 'extra';
  if (h.includes('day') || h.startsWith('день')) return 'day';
  if (h.includes('aspecttype') || h === 'type' || h.startsWith('типаспекта')) return 'type';
  if (h.includes('aspectdescription') || h === 'description' || h.startsWith('описаниеаспекта'))
    return 'description';
  if (h.includes('score')) return 'score';
  if (h.includes('requirement') || h.includes('nominal') || h.startsWith('требовани'))
    return 'requirement';
  if (h.includes('section') || h.startsWith('раздел')) return 'section';
  if (h.includes('calculation') || h.startsWith('расч')) return 'calculation';
  if (h.startsWith('maxmark') || h === 'mark' || /^(максимальныйбалл|максбалл)/.test(h))
    return 'maxMark';
  return undefined;
}

/** The first header of a marking block: "Sub Criterion ID", "Sub\nCriteria\nID", "ID подкритерия". */
export function isSubCriterionIdHeader(text: string): boolean {
  const h = normaliseHeader(text);
  return /^subcriteri(on|a)id/.test(h) || /^(id|код|номер)подкритери/.test(h);
}

/** "Criterion A", "Criterion\nB", "Критерий А": the label that names a block's criterion. */
export function criterionOfLabel(text: string): string | undefined {
  const match = /^\s*(?:criterion|критерий)\s*(\S)\s*$/iu.exec(text);
  const letter = match && latinLookalikes(match[1]!).toUpperCase();
  return letter && /^[A-Z]$/.test(letter) ? letter : undefined;
}

/** Cyrillic capitals and small letters that print like Latin ones, as typed into ids and types. */
const lookalikes: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  а: 'a',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
};

/** The text with every Cyrillic look-alike letter replaced by its Latin twin. */
export function latinLookalikes(text: string): string {
  return text.replace(/[АВСЕНКМОРТХасеорх]/g, (ch) => lookalikes[ch] ?? ch);
}

/** The letter of a 1-based exceljs column (1 -> A, 27 -> AA). */
export function columnLetterOf(column: number): string {
  return columnLetter(column - 1);
}

export function cellAddress(column: number, row: number): string {
  return `${columnLetterOf(column)}${row}`;
}
