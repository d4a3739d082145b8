import { z } from 'zod';
import type { Language } from '../i18n/messages';
import type { UserRole } from '../reference/roles';

/**
 * Signing in and out (`/api/auth/*`): what each sign-in carries (the server parses with these
 * schemas) and who the server says is signed in (the server checks with `satisfies`). Never a
 * password hash, a PIN or a link digest.
 */

/** An account's email: compared lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((email) => email.toLowerCase())
  .pipe(z.email());

/** POST /api/auth/login: an organiser's or exam officer's account. */
export const passwordSignInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type PasswordSignIn = z.input<typeof passwordSignInSchema>;

/** POST /api/auth/pin: the 6-digit PIN the chief expert handed out, for one competition. */
export const pinSignInSchema = z.strictObject({
  competitionId: z.string().min(1).max(64),
  pin: z.string().regex(/^\d{6}$/),
});
export type PinSignIn = z.input<typeof pinSignInSchema>;

/** POST /api/auth/link: the token of a QR sign-in link. */
export const linkSignInSchema = z.strictObject({ token: z.string().min(1).max(100) });
export type LinkSignIn = z.input<typeof linkSignInSchema>;

/** The roles that sign in with an account, and those that sign in with a credential. */
export type AccountRole = Extract<UserRole, 'organiser' | 'exam-officer'>;
export type CredentialRole = Extract<
  UserRole,
  'chief' | 'deputy-chief' | 'expert' | 'independent' | 'trainee'
>;

/** What an account may act on: everything, listed championships, or one college. */
export type AccountScope =
  | { kind: 'all' }
  | { kind: 'championships'; ids: string[] }
  | { kind: 'college'; collegeId: string };

/** An expert's credential for one competition, as its holder and the issuer may see it. */
export interface CredentialView {
  id: string;
  competitionId: string;
  expertId: string;
  role: CredentialRole;
}

/** Every sign-in's reply and GET /api/auth/me: who is signed in, until when, in which language. */
export type SignedInReply = { session: { expiresAt: string; lang: Language } } & (
  | {
      kind: 'organiser';
      user: { id: string; email: string; name: string; roles: AccountRole[]; scope: AccountScope };
    }
  | { kind: 'expert'; credential: CredentialView }
);

/**
 * POST /api/chief/competitions/:id/credentials/:expertId: the PIN and the QR link token, shown
 * once; the server keeps only their digests.
 */
export interface IssuedCredentialReply {
  credential: CredentialView & { issuedAt: string };
  pin: string;
  linkToken: string;
}

/** POST /api/chief/competitions/:id/credential-qr: a link token's sign-in link and its QR (SVG). */
export const signInLinkQrInputSchema = z.strictObject({
  /** As the server draws it (base64url); nothing else is drawn. */
  token: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/),
});
export type SignInLinkQrInput = z.input<typeof signInLinkQrInputSchema>;
export interface SignInLinkQrReply {
  link: string;
  svg: string;
}
