import { z } from 'zod';
import { emailSchema } from '@ashyq/shared';
import { expertRoleSchema, organiserRoleSchema } from './roles';

const idSchema = z.string().min(1).max(64);
const timestampSchema = z.iso.datetime({ offset: true });

/** What an organiser account may act on: everything, listed championships, or one college. */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('championships'), ids: z.array(idSchema).min(1).max(500) }),
  z.object({ kind: z.literal('college'), collegeId: idSchema }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export { emailSchema };

export const organiserUserSchema = z.object({
  id: idSchema,
  /** Lower-cased; unique across accounts. */
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  passwordHash: z.string().min(1),
  scope: scopeSchema,
  roles: z.array(organiserRoleSchema).min(1),
  disabled: z.boolean(),
  createdAt: timestampSchema,
});
export type OrganiserUser = z.infer<typeof organiserUserSchema>;

/**
 * An expert's right to sign in to one competition. The PIN and the QR link token are shown
 * once when issued; only their digests are kept.
 */
export const competitionCredentialSchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  expertId: idSchema,
  role: expertRoleSchema,
  pinDigest: z.string(),
  linkDigest: z.string(),
  issuedBy: z.lazy(() => subjectSchema),
  issuedAt: timestampSchema,
  revokedAt: timestampSchema.optional(),
});
export type CompetitionCredential = z.infer<typeof competitionCredentialSchema>;

/** Who a session (or an issued credential) belongs to. */
export const subjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: idSchema }),
  z.object({ kind: z.literal('credential'), credentialId: idSchema }),
]);
export type Subject = z.infer<typeof subjectSchema>;

export const sessionSchema = z.object({
  /** digest(secret): the cookie carries the secret, the store only its digest. */
  id: z.string().length(64),
  subject: subjectSchema,
  createdAt: timestampSchema,
  /** Slides forward while the session is used. */
  expiresAt: timestampSchema,
  lang: z.enum(['kk', 'ru', 'en']),
});
export type Session = z.infer<typeof sessionSchema>;

/** Sliding lifetimes: an expert's tablet lasts a competition day, an organiser's desk less. */
export const sessionLifetimeMs = {
  user: 8 * 60 * 60 * 1000,
  credential: 12 * 60 * 60 * 1000,
} as const satisfies Record<Subject['kind'], number>;

/** An organiser account as the rest of the server sees it: never the password hash. */
export type Account = Omit<OrganiserUser, 'passwordHash'>;

/** An expert credential as the rest of the server sees it: never the PIN or link digests. */
export type ExpertCredential = Omit<CompetitionCredential, 'pinDigest' | 'linkDigest'>;

/** Who is making a request. */
export type Actor =
  { kind: 'organiser'; user: Account } | { kind: 'expert'; credential: ExpertCredential };
