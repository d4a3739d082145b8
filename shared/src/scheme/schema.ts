import { z } from 'zod';

/**
 * The marking scheme model (docs/scoring.md, docs/marking-schemes.md).
 * Everything the engine, the workbook importer and the server agree on starts here.
 */

/** Marks are decimals with at most 2 places in real schemes (0.25, 1.5, ...). */
export const markValue = z.number().finite();

export const sectionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** Weight in marks (WSOS/WSSS); weights of a WorldSkills scheme sum to 100. */
  weight: z.number().finite().min(0),
});

export const measurementSpecSchema = z.discriminatedUnion('kind', [
  /** Achieved -> max mark, not achieved -> 0. */
  z.object({ kind: z.literal('binary') }),
  /** CIS REGULAR_DIFFERENCE_DEDUCTION: max - deduction * floor(|measured - target| / unit). */
  z.object({
    kind: z.literal('deduction'),
    target: z.number().finite(),
    unit: z.number().finite().positive(),
    deduction: z.number().finite().min(0),
    /** Kept as written in CIS (e.g. "Number", "Percent"); informational. */
    differenceType: z.string().optional(),
    /** CIS DEDUCTION_TYPE (e.g. "UNIT"), kept so an exported workbook says what the original said. */
    deductionType: z.string().optional(),
  }),
  /** CIS CHOICE: labelled options, each with a deduction from the max mark. */
  z.object({
    kind: z.literal('choice'),
    options: z
      .array(z.object({ label: z.string().min(1), deduction: z.number().finite().min(0) }))
      .min(2),
  }),
]);

export const aspectTypeSchema = z.enum(['M', 'J']);

/** `A1.M3` = the third measurement aspect of sub-criterion A1; `A1.J1` the first judgement one. */
export const aspectCodeSchema = z
  .string()
  .regex(/^[A-Z][0-9]+\.[MJ][0-9]+$/, 'aspect code like A1.M3');
export const subCriterionIdSchema = z.string().regex(/^[A-Z][0-9]+$/, 'sub-criterion id like A1');
export const criterionIdSchema = z.string().regex(/^[A-Z]$/, 'criterion id A-Z');

export const aspectSchema = z
  .object({
    code: aspectCodeSchema,
    type: aspectTypeSchema,
    description: z.string().min(1),
    extraDescription: z.string().optional(),
    /** Measurement only: what must be achieved. */
    requirement: z.string().optional(),
    /** Standards section id this aspect maps to; absent in a scheme without sections. */
    section: z.string().min(1).optional(),
    maxMark: markValue.positive(),
    /** Measurement kind; absent means binary. */
    measurement: measurementSpecSchema.optional(),
    /** Judgement only: descriptors for scores 0, 1, 2, 3. */
    descriptors: z.tuple([z.string(), z.string(), z.string(), z.string()]).optional(),
    /** CIS calculation row name the aspect uses (kept for export). */
    calculation: z.string().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type === 'J' && !a.descriptors) {
      ctx.addIssue({
        code: 'custom',
        path: ['descriptors'],
        message: 'judgement aspect needs 4 descriptors',
      });
    }
    if (a.type === 'J' && a.measurement) {
      ctx.addIssue({
        code: 'custom',
        path: ['measurement'],
        message: 'judgement aspect has no measurement kind',
      });
    }
    if (a.code.split('.')[1]?.[0] !== a.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `code ${a.code} does not match type ${a.type}`,
      });
    }
  });

export const subCriterionSchema = z.object({
  id: subCriterionIdSchema,
  name: z.string(),
  /** Day of marking: C-1 -> -1, C1 -> 1, C2 -> 2 ... */
  day: z.number().int(),
  aspects: z.array(aspectSchema),
});

export const criterionSchema = z.object({
  id: criterionIdSchema,
  name: z.string(),
  /** Max mark as stated in the criteria block. */
  maxMark: markValue.min(0),
  subCriteria: z.array(subCriterionSchema),
});

export const markingSchemeSchema = z
  .object({
    skill: z.object({ number: z.string(), name: z.string() }),
    sections: z.array(sectionSchema),
    criteria: z.array(criterionSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    const sectionIds = new Set(s.sections.map((x) => x.id));
    s.criteria.forEach((c, ci) =>
      c.subCriteria.forEach((sc, si) => {
        if (!sc.id.startsWith(c.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', ci, 'subCriteria', si, 'id'],
            message: `${sc.id} is not in criterion ${c.id}`,
          });
        }
        if (seen.has(sc.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', ci, 'subCriteria', si, 'id'],
            message: `duplicate sub-criterion ${sc.id}`,
          });
        }
        seen.add(sc.id);
        sc.aspects.forEach((a, ai) => {
          const path = ['criteria', ci, 'subCriteria', si, 'aspects', ai];
          if (seen.has(a.code))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'code'],
              message: `duplicate aspect ${a.code}`,
            });
          seen.add(a.code);
          if (!a.code.startsWith(`${sc.id}.`)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'code'],
              message: `${a.code} is not in ${sc.id}`,
            });
          }
          if (a.section !== undefined && sectionIds.size > 0 && !sectionIds.has(a.section)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'section'],
              message: `unknown section ${a.section}`,
            });
          }
        });
      }),
    );
  });

export type Section = z.infer<typeof sectionSchema>;
export type MeasurementSpec = z.infer<typeof measurementSpecSchema>;
export type AspectType = z.infer<typeof aspectTypeSchema>;
export type Aspect = z.infer<typeof aspectSchema>;
export type SubCriterion = z.infer<typeof subCriterionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type MarkingScheme = z.infer<typeof markingSchemeSchema>;
