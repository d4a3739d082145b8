import { z } from 'zod';
import type { Language } from '@ashyq/shared';
import { runtimeOf } from '../competitions/access';
import { CompetitionUnavailableError, type CompetitionRegistry } from '../competitions/registry';
import { DomainError } from '../domain/errors';
import type { Store } from '../store/port';
import {
  marksSummaryKind,
  marksSummarySummary,
  marksSummaryTitle,
  renderMarksSummary,
} from './marks-summary';
import {
  currentMarksSummaryContent,
  marksSummaryContent,
  marksSummaryView,
  UnknownSubCriterionError,
} from './marks-summary-data';
import { documentUrl, formatCode, type DocumentRegistry } from './verification';

/** An issued sheet's subject; sheets issued before content versions were recorded are version 1. */
const marksSummarySubject = z.object({
  competitionId: z.string(),
  subCriterionId: z.string(),
  content: z.union([z.literal(1), z.literal(2)]).default(1),
});

/**
 * The marks summary of one sub-criterion (docs/documents.md). Once the sub-criterion is locked
 * the sheet is issued: it gets a verification code and QR code. Before, it prints as a DRAFT
 * without a code, so the chief can check the figures with the team, but no one can take a
 * provisional sheet for the final one. The verification page rebuilds an issued sheet's content
 * from the records through the kind registered here.
 */
export class MarksSummaryService {
  constructor(
    private readonly competitions: CompetitionRegistry,
    private readonly store: Store,
    private readonly documents: { registry: DocumentRegistry; publicUrl: string },
  ) {
    documents.registry.registerKind(marksSummaryKind, async (subject) => {
      const { competitionId, subCriterionId, content } = marksSummarySubject.parse(subject);
      try {
        const running = await competitions.open(competitionId);
        const summary = await marksSummaryView(running, store, subCriterionId);
        return marksSummaryContent(summary, content);
      } catch (error) {
        if (error instanceof CompetitionUnavailableError) return undefined;
        if (error instanceof UnknownSubCriterionError) return undefined;
        throw error;
      }
    });
  }

  async sheet(competitionId: string, subCriterionId: string, language: Language, issuedBy: string) {
    const running = await runtimeOf({ competitions: this.competitions }, competitionId);
    const view = await marksSummaryView(running, this.store, subCriterionId).catch(
      (error: unknown) => {
        if (error instanceof UnknownSubCriterionError) throw new DomainError('not_found');
        throw error;
      },
    );
    let verification: { code: string; url: string } | undefined;
    if (view.lock) {
      const issued = await this.documents.registry.issue({
        kind: marksSummaryKind,
        subject: {
          competitionId: view.competitionId,
          subCriterionId: view.subCriterion.id,
          content: currentMarksSummaryContent,
        },
        content: marksSummaryContent(view),
        summary: marksSummarySummary(view, language),
        title: marksSummaryTitle(language, view.subCriterion.id),
        language,
        issuedBy,
      });
      verification = {
        code: formatCode(issued.code),
        url: documentUrl(this.documents.publicUrl, issued.code),
      };
    }
    const pdf = await renderMarksSummary({ view, language, verification }).toBuffer();
    const file = `marks-summary-${view.competitionId}-${view.subCriterion.id}-${language}.pdf`;
    return { pdf, file, verificationCode: verification?.code };
  }
}
