import {
  bestOfDelegation,
  fullName,
  getProfile,
  getRegion,
  namespaces,
  roundHalfUp,
  translate,
  type Language,
} from '@ashyq/shared';
import type { CompetitionRegistry } from '../competitions/registry';
import {
  renderResultsSheet,
  resultsSheetContent,
  resultsSheetKind,
  resultsSheetSummary,
  resultsSheetTitle,
  resultsSheetView,
} from '../documents/competition-results-sheet';
import { documentUrl, formatCode, type DocumentRegistry } from '../documents/verification';
import type { ReferenceRepository } from '../domain/reference';
import { refusal } from '../domain/refusal';
import { competitionResults, type CompetitionResults, type ResultRow } from './rows';
import { medalTable, reportWorkbook, resultsWorkbook } from './xlsx';

export type Team = 'region' | 'college';

/**
 * Results for organisers: the result sheet of a competition (issued and verifiable once the
 * results are published), the CIS results workbooks per competition and per championship (with
 * its medal tables), and the best-of-delegation report. Figures come from the engine's
 * projection, the same the boards and the chief expert see (docs/results-lifecycle.md).
 */
export class ResultsService {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly registry: CompetitionRegistry,
    private readonly documents: { registry: DocumentRegistry; publicUrl: string },
  ) {
    // An issued sheet is checked against the records as they stand, in its own language.
    documents.registry.registerKind(resultsSheetKind, async (subject) => {
      const { competitionId, language } = subject as {
        competitionId: string;
        language: 'kk' | 'ru';
      };
      const view = await this.sheetView(competitionId, language);
      return view ? resultsSheetContent(view) : undefined;
    });
  }

  /** The result sheet as a PDF; published results are final, so the sheet is issued with a code. */
  async resultsSheet(competitionId: string, lang: 'kk' | 'ru', issuedBy: string) {
    const view = await this.sheetView(competitionId, lang);
    if (!view) throw refusal('not_found', 'scheme', 'noScheme');
    let verification: { code: string; url: string } | undefined;
    if (view.publishedAt) {
      const issued = await this.documents.registry.issue({
        kind: resultsSheetKind,
        subject: { competitionId, language: lang },
        content: resultsSheetContent(view),
        summary: resultsSheetSummary(view, lang),
        title: resultsSheetTitle(lang, view),
        language: lang,
        issuedBy,
      });
      verification = {
        code: formatCode(issued.code),
        url: documentUrl(this.documents.publicUrl, issued.code),
      };
    }
    const pdf = await renderResultsSheet(view, lang, verification).toBuffer();
    return { pdf, verificationCode: verification?.code };
  }

  async competitionWorkbook(competitionId: string, lang: Language): Promise<Buffer> {
    const { record } = await this.reference.require('competitions', competitionId);
    const results = await competitionResults(this.registry, record, lang);
    if (!results) throw refusal('not_found', 'scheme', 'noScheme');
    return resultsWorkbook([results]);
  }

  /** Every competition's results, then the medal tables by region and by college. */
  async championshipWorkbook(championshipId: string, lang: Language): Promise<Buffer> {
    const { championship, results } = await this.championshipResults(championshipId, lang);
    const teams = getProfile(championship.profileId)?.teams ?? null;
    const colleges = await this.collegeNames(lang);
    const regionNames = new Map(
      results.flatMap((r) => r.rows).map((r) => [r.regionId, r.regionName]),
    );
    const tables = [
      {
        sheet: 'Medals by region',
        nameOf: (team: string) => regionNames.get(team) ?? team,
        rows: medalTable(results, teams, (row) => row.regionId),
      },
      {
        sheet: 'Medals by college',
        nameOf: colleges,
        rows: medalTable(results, teams, (row) => row.collegeId),
      },
    ].flatMap((table) => (table.rows ? [{ ...table, rows: table.rows }] : []));
    return resultsWorkbook(results, tables);
  }

  /** Each delegation's best, as the screen and the workbook show it. */
  async bestOfDelegation(championshipId: string, team: Team, lang: Language) {
    const { results } = await this.championshipResults(championshipId, lang);
    // A competition not started yet ranks everyone first on 0: it has no best to name, and would
    // list each delegation once more with a 0.00 row.
    const rows = results
      .filter((result) => result.started)
      .flatMap((r) => r.rows.map((row) => ({ ...row, ...teamKeyOf(row, team) })));
    return bestOfDelegation(rows.filter((row) => row.team !== '')).map((entry) => ({
      team: entry.team,
      best: entry.best.map(reportRow),
    }));
  }

  /** The same report as a workbook: a row per best competitor, equal ones each on their own row. */
  async bestOfDelegationWorkbook(
    championshipId: string,
    team: Team,
    lang: Language,
  ): Promise<Buffer> {
    const delegations = await this.bestOfDelegation(championshipId, team, lang);
    const collegeName = await this.collegeNames(lang);
    const teamName = (id: string) =>
      team === 'region' ? (getRegion(id)?.name[lang] ?? id) : collegeName(id);
    const t = (key: string) => translate(namespaces.organiser[lang], key);
    const header = [
      'exports.team',
      'exports.best',
      'field.skillNumber',
      'run.competition',
      'exports.position',
      'exports.total',
      'exports.percent',
    ].map(t);
    const rows = delegations.flatMap(({ team: id, best }) =>
      best.map((row) => [
        teamName(id),
        row.name ? fullName(row.name) : row.competitorId,
        row.skillNumber,
        row.skillName,
        row.position ?? '',
        row.total,
        roundHalfUp(row.percent, 2),
      ]),
    );
    return reportWorkbook(t('exports.bestOf'), header, rows);
  }

  /** The result sheet's data from the records as they stand; null when there are no results. */
  private async sheetView(competitionId: string, lang: Language) {
    const found = await this.reference.get('competitions', competitionId);
    if (!found) return null;
    const results = await competitionResults(this.registry, found.record, lang);
    if (!results) return null;
    const { record: championship } = await this.reference.require(
      'championships',
      found.record.championshipId,
    );
    const colleges = new Map((await this.reference.list('colleges')).map((c) => [c.id, c]));
    const experts = await this.reference.list('experts', { competitionId });
    const chief = experts.find((expert) => expert.role === 'chief');
    return resultsSheetView(results, {
      championship: championship.name,
      chief: chief ? fullName(chief.name) : null,
      collegeName: (id) => {
        const college = id ? colleges.get(id) : undefined;
        return college ? college.name[lang === 'en' ? 'ru' : lang] : '';
      },
    });
  }

  private async championshipResults(championshipId: string, lang: Language) {
    const { record: championship } = await this.reference.require('championships', championshipId);
    const competitions = await this.reference.list('competitions', { championshipId });
    const results: CompetitionResults[] = [];
    for (const competition of competitions) {
      const found = await competitionResults(this.registry, competition, lang);
      if (found) results.push(found);
    }
    return { championship, results };
  }

  /** A college's name in the language (Russian where it has none), or its id if unknown. */
  private async collegeNames(lang: Language): Promise<(id: string) => string> {
    const colleges = new Map((await this.reference.list('colleges')).map((c) => [c.id, c]));
    return (id) => colleges.get(id)?.name[lang] ?? colleges.get(id)?.name.ru ?? id;
  }
}

function teamKeyOf(row: ResultRow, team: Team) {
  return { team: (team === 'region' ? row.regionId : row.collegeId) ?? '' };
}

/** What the report shows of each competitor: no IIN is needed to name the best. */
function reportRow(row: ResultRow) {
  return {
    competitionId: row.competitionId,
    skillNumber: row.skillNumber,
    skillName: row.skillName,
    competitorId: row.competitorId,
    name: row.name,
    regionId: row.regionId,
    collegeId: row.collegeId,
    position: row.position,
    medal: row.medal,
    medallion: row.medallion,
    total: row.total,
    percent: row.percent,
  };
}
