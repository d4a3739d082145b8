import { z } from 'zod';
import { namespaces } from '../i18n/index';
import type { Language } from '../i18n/messages';

/**
 * The roles of docs/domain.md. The expert roles ('chief' … 'trainee') are the values of the
 * expert entity's role; organisers and exam officers hold accounts; spectators never sign in.
 */
export const userRoles = [
  'organiser',
  'chief',
  'deputy-chief',
  'expert',
  'independent',
  // Scores alongside the panel to learn; never counted (docs/judge-analytics.md).
  'trainee',
  'exam-officer',
  'spectator',
] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof userRoleSchema>;

export function userRoleName(role: UserRole, lang: Language): string {
  return namespaces.reference[lang].role[role];
}
