import { z } from 'zod';
import { markingSchemeSchema } from '../scheme/schema';
import { refuseUnsafeText } from './text';

/**
 * Reference data of a championship: plain documents (not events). Schemas here are the
 * stored shape; the API's input schemas (api.ts) derive from them.
 */

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id: letters, digits, - or _');

/**
 * A name's text: trimmed, at most `max` characters, none of them a NUL, a bidirectional control
 * or a broken surrogate (text.ts). `min: 0` for a part that may be left empty.
 */
export const nameTextSchema = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).superRefine(refuseUnsafeText);

/**
 * A name in the product's languages (a championship, a college, a skill); kk and ru are
 * required for documents, en is optional.
 */
export const localizedSchema = z.object({
  kk: nameTextSchema(300),
  ru: nameTextSchema(300),
  en: nameTextSchema(300, 0).optional(),
});

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export const publicationPolicySchema = z.enum(['live', 'locked', 'embargo']);

export const publicationSchema = z.object({
  policy: publicationPolicySchema,
  /** `freeze` at a set time: the public board stops changing. */
  freezeAt: z.iso.datetime({ offset: true }).optional(),
});

export const personNameSchema = z.object({
  last: nameTextSchema(100),
  first: nameTextSchema(100),
  middle: nameTextSchema(100, 0).optional(),
});

export const collegeSchema = z.object({
  id: idSchema,
  name: localizedSchema,
  bin: z.string().optional(),
  regionId: z.string(),
});

export const championshipSchema = z.object({
  id: idSchema,
  name: localizedSchema,
  level: z.enum(['college', 'regional', 'national', 'international']),
  track: z.enum(['wsk', 'abilympics', 'deafskills', 'agroskills', 'teachers']),
  season: z.number().int().min(2000).max(2100),
  hostRegionId: z.string(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  venue: z.string().max(300).superRefine(refuseUnsafeText).optional(),
  publication: publicationSchema,
  /** Rules profile new competitions pin by default. */
  profileId: z.string(),
  createdAt: z.string(),
});

export const competitionSchema = z.object({
  id: idSchema,
  championshipId: idSchema,
  skill: z.object({ number: z.string().trim().min(1).max(10), name: localizedSchema }),
  /** Pinned rules profile version, e.g. `wsk-championship@2024`. */
  profileId: z.string(),
  /** Overrides the championship's publication policy when set. */
  publication: publicationSchema.optional(),
  scheme: markingSchemeSchema.optional(),
  /** Bumped on every scheme replacement; frozen once the first mark is recorded. */
  schemeVersion: z.number().int().min(0),
  /** Edits of the scheme in place (names, descriptors, max marks): who, when and, once marking started, why. */
  schemeEdits: z
    .array(
      z.object({
        version: z.number().int().min(1),
        at: z.string(),
        actor: z.string(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
  createdAt: z.string(),
});

export const competitorSchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  name: personNameSchema,
  /** Personal data: never in public payloads. */
  iin: z.string(),
  collegeId: z.string().optional(),
  regionId: z.string(),
  /** Compatriot key override (training group, mentor); defaults by championship level. */
  delegation: z.string().max(100).optional(),
  guest: z.boolean(),
  /** Sent here by advancement from a lower level: the same person's earlier entry. */
  advancedFrom: z.object({ competitionId: idSchema, competitorId: idSchema }).optional(),
});

export const expertRoleSchema = z.enum([
  'chief',
  'deputy-chief',
  'expert',
  'independent',
  'trainee',
]);

export const expertSchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  name: personNameSchema,
  iin: z.string(),
  collegeId: z.string().optional(),
  regionId: z.string(),
  delegation: z.string().max(100).optional(),
  certificate: z.string().max(100).optional(),
  employer: z.string().max(300).optional(),
  role: expertRoleSchema,
});

export type Localized = z.infer<typeof localizedSchema>;
export type PublicationPolicy = z.infer<typeof publicationPolicySchema>;
export type PersonName = z.infer<typeof personNameSchema>;
export type College = z.infer<typeof collegeSchema>;
export type Championship = z.infer<typeof championshipSchema>;
export type Competition = z.infer<typeof competitionSchema>;
export type Competitor = z.infer<typeof competitorSchema>;
export type ExpertRole = z.infer<typeof expertRoleSchema>;
export type Expert = z.infer<typeof expertSchema>;

export function fullName(name: PersonName): string {
  return [name.last, name.first, name.middle].filter(Boolean).join(' ');
}

/**
 * Surname and initials, as a column heading or a signature gives a person: "Ахметов Е.\u00a0Б.".
 * The initials are held together, so a narrow column wraps only after the surname.
 */
export function shortName(name: PersonName): string {
  const initials = [name.first, name.middle]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${[...part][0]!.toUpperCase()}.`);
  return [name.last, initials.join('\u00a0')].filter(Boolean).join(' ');
}

/** Whether two names are the same as written; an empty middle name is no middle name. */
export function isSameName(a: PersonName, b: PersonName): boolean {
  return a.last === b.last && a.first === b.first && (a.middle || '') === (b.middle || '');
}
