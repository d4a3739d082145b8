import { z } from 'zod';
import {
  aspectCodeSchema,
  criterionIdSchema,
  markingSchemeSchema,
  markValue,
  subCriterionIdSchema,
  type MarkingScheme,
} from './schema';
import { refuseUnsafeText } from '../domain/text';

/**
 * Small edits of an imported scheme, without a new workbook: names, descriptions, judgement
 * descriptors and max marks. The structure (which aspects exist, their types and sections) only
 * changes by importing a workbook. Once marking has started every edit is a new scheme version
 * with a reason (the server's rule); this module only applies and checks the edits.
 */

// Scheme text is shown on tablets, boards and documents: no NUL, bidi override or lone surrogate.
const text = z.string().trim().min(1).max(2000).superRefine(refuseUnsafeText);

export const schemeEditSchema = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('criterion'),
    id: criterionIdSchema,
    name: text.optional(),
    maxMark: markValue.min(0).optional(),
  }),
  z.strictObject({ target: z.literal('subCriterion'), id: subCriterionIdSchema, name: text }),
  z.strictObject({
    target: z.literal('aspect'),
    code: aspectCodeSchema,
    description: text.optional(),
    extraDescription: text.optional(),
    requirement: text.optional(),
    maxMark: markValue.positive().optional(),
    descriptors: z.tuple([text, text, text, text]).optional(),
  }),
]);

export type SchemeEdit = z.infer<typeof schemeEditSchema>;

/** The first edit naming something the scheme does not have (its index), or a result. */
export type SchemeEditResult =
  | { ok: true; scheme: MarkingScheme }
  | { ok: false; index: number; reason: 'unknown_target' | 'not_judgement' | 'invalid_scheme' };

export function applySchemeEdits(
  scheme: MarkingScheme,
  edits: readonly SchemeEdit[],
): SchemeEditResult {
  const edited = structuredClone(scheme);
  const criteria = new Map(edited.criteria.map((c) => [c.id, c]));
  const subCriteria = new Map(edited.criteria.flatMap((c) => c.subCriteria).map((s) => [s.id, s]));
  const aspects = new Map(
    edited.criteria
      .flatMap((c) => c.subCriteria)
      .flatMap((s) => s.aspects)
      .map((a) => [a.code, a]),
  );
  for (const [index, edit] of edits.entries()) {
    if (edit.target === 'criterion') {
      const criterion = criteria.get(edit.id);
      if (!criterion) return { ok: false, index, reason: 'unknown_target' };
      if (edit.name !== undefined) criterion.name = edit.name;
      if (edit.maxMark !== undefined) criterion.maxMark = edit.maxMark;
    } else if (edit.target === 'subCriterion') {
      const sub = subCriteria.get(edit.id);
      if (!sub) return { ok: false, index, reason: 'unknown_target' };
      sub.name = edit.name;
    } else {
      const aspect = aspects.get(edit.code);
      if (!aspect) return { ok: false, index, reason: 'unknown_target' };
      if (edit.descriptors && aspect.type !== 'J')
        return { ok: false, index, reason: 'not_judgement' };
      const { target: _target, code: _code, ...fields } = edit;
      Object.assign(aspect, fields);
    }
  }
  if (!markingSchemeSchema.safeParse(edited).success) {
    return { ok: false, index: edits.length - 1, reason: 'invalid_scheme' };
  }
  return { ok: true, scheme: edited };
}
