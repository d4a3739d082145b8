import ExcelJS from 'exceljs';
import {
  teamStandings,
  type Medal,
  type RulesProfile,
  type TeamAward,
  type TeamStanding,
} from '@ashyq/shared';
import { fitColumns } from '../documents/xlsx-columns';
import type { CompetitionResults, ResultRow } from './rows';

/**
 * Results in the CIS results layout. The header cells and the medal words are CIS's own
 * (English), so the file reads like a CIS export in any tool that reads those; names are in
 * the language asked for. Guests, absent and withdrawn competitors are listed without a position.
 */

export const resultsSheetName = 'Results';
export const resultColumns = [
  'Position',
  'Member',
  'Member Name',
  'Skill Number',
  'Skill Name',
  'First Name',
  'Last Name',
  'Medal',
  'Total',
] as const;
export const scaleColumn = 'WorldSkills Scale Score';

const medalWords: Record<Medal, string> = { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' };
export const medallionWord = 'Medallion for Excellence';

const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
};

/** The Medal cell: a medal, the medallion, or empty. */
export function medalCell(row: Pick<ResultRow, 'medal' | 'medallion'>): string {
  if (row.medal) return medalWords[row.medal];
  return row.medallion ? medallionWord : '';
}

/**
 * One workbook: a Results sheet with every competition given (skill number order, then the
 * ranking), and, when team standings are given, a medal table per kind of team.
 */
export async function resultsWorkbook(
  competitions: readonly CompetitionResults[],
  medalTables: ReadonlyArray<{
    sheet: string;
    nameOf: (team: string) => string;
    rows: TeamStanding[];
  }> = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(resultsSheetName);
  const scales = competitions.some((c) => c.scale !== 'none');
  sheet.addRow([...resultColumns, ...(scales ? [scaleColumn] : [])]).eachCell((cell) => {
    cell.style = headerStyle;
  });
  const ordered = [...competitions].sort((a, b) =>
    a.competition.skill.number.localeCompare(b.competition.skill.number, 'en', { numeric: true }),
  );
  for (const { rows, scale } of ordered) {
    for (const row of rows) {
      const added = sheet.addRow([
        row.position ?? '',
        row.regionId,
        row.regionName,
        row.skillNumber,
        row.skillName,
        row.name?.first ?? '',
        row.name?.last ?? '',
        medalCell(row),
        row.total,
        ...(scales ? [scale !== 'none' && row.scaled !== null ? row.scaled : ''] : []),
      ]);
      added.getCell(9).numFmt = '0.00';
    }
  }
  fitColumns(sheet);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const table of medalTables) {
    const medals = workbook.addWorksheet(table.sheet);
    medals
      .addRow(['Position', 'Team', 'Gold', 'Silver', 'Bronze', 'Medallion', 'Points'])
      .eachCell((cell) => (cell.style = headerStyle));
    for (const row of table.rows) {
      medals.addRow([
        row.position,
        table.nameOf(row.team),
        row.gold,
        row.silver,
        row.bronze,
        row.medallion,
        row.points,
      ]);
    }
    fitColumns(medals);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A report that is not a CIS layout (best of delegation): one sheet, its header in the reader's
 * language, numbers kept as numbers so the organiser can sort and sum them.
 */
export async function reportWorkbook(
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).eachCell((cell) => (cell.style = headerStyle));
  for (const row of rows) sheet.addRow([...row]);
  fitColumns(sheet);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Team standings over every competition given; null where the profile ranks no teams. */
export function medalTable(
  competitions: readonly CompetitionResults[],
  teams: RulesProfile['teams'],
  teamOf: (row: ResultRow) => string | null,
): TeamStanding[] | null {
  if (!teams) return null;
  const awards: TeamAward[] = [];
  for (const { rows } of competitions) {
    for (const row of rows) {
      const team = teamOf(row);
      if (team && row.position !== null) {
        awards.push({ team, medal: row.medal, medallion: row.medallion });
      }
    }
  }
  return teamStandings(awards, teams);
}
