import { z } from 'zod';
import { allFinal, type ExamSession, type StudentResult } from '@ashyq/shared';
import type { JsonObject } from '../../events/canonical-json';
import { documentUrl, type DocumentRegistry } from '../../documents/verification';
import type { ExamService } from '../service';
import {
  asJson,
  groupDocument,
  publicRows,
  resultSheet,
  type GroupDocument,
  type ResultSheet,
} from './data';
import { renderProtocol, renderStatement, type Verified } from './protocol';
import { renderResultSheet, renderResultSheets } from './student-result-sheet';
import { examText, type DocumentLanguage } from './text';
import { protocolWorkbook, statementWorkbook } from './xlsx';

/**
 * Issues the exam documents: each is registered with the verification registry before it prints,
 * so its footer carries a code and a QR code to /verify/<code>. The kinds' resolvers rebuild the
 * content from the session and its marking runtime; a changed mark or an altered record then
 * shows on the public page as not matching.
 */

export const examDocumentKinds = {
  protocol: 'exam-protocol',
  statement: 'exam-statement',
  resultSheet: 'exam-result-sheet',
  resultSheets: 'exam-result-sheets',
} as const;

type GroupKind = 'protocol' | 'statement';

/** What a registered document names (its subject), read back when its code is checked. */
const groupSubject = z.object({ sessionId: z.string(), group: z.string().nullable() });
const sheetSubject = z.object({ sessionId: z.string(), studentId: z.string() });

export class ExamDocuments {
  constructor(
    private readonly exams: ExamService,
    private readonly registry: DocumentRegistry,
    private readonly publicUrl: string,
  ) {}

  /** Once at start-up: how each kind's content is rebuilt when a code is checked. */
  registerKinds(): void {
    const group = async (subject: JsonObject) => {
      const loaded = await this.loadGroup(subject);
      return loaded && asJson(groupDocument(loaded.session, loaded.results, loaded.group));
    };
    this.registry.registerKind(examDocumentKinds.protocol, group);
    this.registry.registerKind(examDocumentKinds.statement, group);
    this.registry.registerKind(examDocumentKinds.resultSheet, async (subject) => {
      const parsed = sheetSubject.safeParse(subject);
      if (!parsed.success) return undefined;
      const { sessionId, studentId } = parsed.data;
      const loaded = await this.load(sessionId);
      if (!loaded) return undefined;
      const sheet = resultSheet(
        loaded.session,
        loaded.results,
        await this.exams.runtimeOf(loaded.session),
        studentId,
      );
      return sheet && asJson(sheet);
    });
    this.registry.registerKind(examDocumentKinds.resultSheets, async (subject) => {
      const loaded = await this.loadGroup(subject);
      return (
        loaded &&
        asJson({ sheets: await this.sheetsOf(loaded.session, loaded.results, loaded.group) })
      );
    });
  }

  /** Every result sheet of a group (null: the session) in one verified PDF, a page or more each. */
  async resultSheetsPdf(
    session: ExamSession,
    results: readonly StudentResult[],
    group: string | null,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Buffer> {
    const sheets = await this.sheetsOf(session, results, group);
    const number = session.protocolNumber ?? session.id;
    const title = groupTitle(examText(lang, 'resultSheet'), number, group);
    const ofGroup = results.filter((result) => group === null || result.student.group === group);
    if (!allFinal(ofGroup)) return renderResultSheets(sheets, lang, title).toBuffer();
    const issued = await this.registry.issue({
      kind: examDocumentKinds.resultSheets,
      subject: { sessionId: session.id, group },
      content: asJson({ sheets }),
      summary: asJson({
        college: session.college.name[lang],
        number,
        group,
        students: publicRows(sheets.map((sheet) => sheet.row)),
      }),
      title,
      language: lang,
      issuedBy,
    });
    return renderResultSheets(sheets, lang, title, this.verified(issued.code)).toBuffer();
  }

  private async sheetsOf(
    session: ExamSession,
    results: readonly StudentResult[],
    group: string | null,
  ): Promise<ResultSheet[]> {
    const runtime = await this.exams.runtimeOf(session);
    return results
      .filter((result) => group === null || result.student.group === group)
      .map((result) => resultSheet(session, results, runtime, result.student.id)!);
  }

  /** The protocol or statement of a group (null: every group) as a verified PDF. */
  async groupPdf(
    kind: GroupKind,
    session: ExamSession,
    results: readonly StudentResult[],
    group: string | null,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Buffer> {
    const data = groupDocument(session, results, group);
    const verified = await this.issueIfFinal(kind, data, results, lang, issuedBy);
    const render = kind === 'protocol' ? renderProtocol : renderStatement;
    return render(data, lang, verified).toBuffer();
  }

  async groupXlsx(
    kind: GroupKind,
    session: ExamSession,
    results: readonly StudentResult[],
    group: string | null,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Buffer> {
    const data = groupDocument(session, results, group);
    const verified = await this.issueIfFinal(kind, data, results, lang, issuedBy);
    const build = kind === 'protocol' ? protocolWorkbook : statementWorkbook;
    return build(data, lang, verified);
  }

  /** One student's result sheet; undefined for a student not in the session. */
  async resultSheetPdf(
    session: ExamSession,
    results: readonly StudentResult[],
    studentId: string,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Buffer | undefined> {
    const sheet = resultSheet(session, results, await this.exams.runtimeOf(session), studentId);
    if (!sheet) return undefined;
    const final = results.find((result) => result.student.id === studentId)?.final ?? false;
    const verified = final ? await this.issueSheet(sheet, lang, issuedBy) : undefined;
    return renderResultSheet(sheet, lang, verified).toBuffer();
  }

  /**
   * A protocol or statement is issued (registered, with a code) only when every result of the
   * session is final; until then it prints as a draft with no code, whatever group it covers.
   */
  private async issueIfFinal(
    kind: GroupKind,
    data: GroupDocument,
    results: readonly StudentResult[],
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Verified | undefined> {
    if (!allFinal(results)) return undefined;
    return this.issueGroup(kind, data, lang, issuedBy);
  }

  private async issueGroup(
    kind: GroupKind,
    data: GroupDocument,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Verified> {
    const title = groupTitle(examText(lang, kind), data.header.number, data.group);
    const issued = await this.registry.issue({
      kind: examDocumentKinds[kind],
      subject: { sessionId: data.header.sessionId, group: data.group },
      content: asJson(data),
      summary: asJson({
        college: data.header.college.name[lang],
        number: data.header.number,
        date: data.header.date,
        group: data.group,
        qualification: `${data.header.qualification.code} ${data.header.qualification.name[lang]}`,
        students: publicRows(data.rows),
        passed: data.summary.passed,
        sat: data.summary.sat,
      }),
      title,
      language: lang,
      issuedBy,
    });
    return this.verified(issued.code);
  }

  private async issueSheet(
    sheet: ResultSheet,
    lang: DocumentLanguage,
    issuedBy: string,
  ): Promise<Verified> {
    const issued = await this.registry.issue({
      kind: examDocumentKinds.resultSheet,
      subject: { sessionId: sheet.header.sessionId, studentId: sheet.row.studentId },
      content: asJson(sheet),
      summary: asJson({
        college: sheet.header.college.name[lang],
        number: sheet.header.number,
        date: sheet.header.date,
        students: publicRows([sheet.row]),
      }),
      title: `${examText(lang, 'resultSheet')}: ${sheet.row.name}`,
      language: lang,
      issuedBy,
    });
    return this.verified(issued.code);
  }

  private verified(code: string): Verified {
    return { code, url: documentUrl(this.publicUrl, code) };
  }

  /** A group document's session, results and group; undefined for a group the session lacks. */
  private async loadGroup(subject: JsonObject) {
    const parsed = groupSubject.safeParse(subject);
    if (!parsed.success) return undefined;
    const { sessionId, group } = parsed.data;
    const loaded = await this.load(sessionId);
    if (!loaded || (group !== null && !loaded.session.groups.includes(group))) return undefined;
    return { ...loaded, group };
  }

  private async load(sessionId: string) {
    const found = await this.exams.sessions.get(sessionId);
    if (!found) return undefined;
    return { session: found.session, results: await this.exams.results(found.session) };
  }
}

/** A group document's title: what it is, its number, and the group when it is for one. */
function groupTitle(label: string, number: string, group: string | null): string {
  return `${label} № ${number}${group ? `, ${group}` : ''}`;
}
