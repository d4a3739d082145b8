import { userRoleSchema } from '@ashyq/shared';
import type { z } from 'zod';

/**
 * The roles of docs/domain.md that sign in, split by how they sign in: organisers and exam officers
 * hold accounts (email and password); experts hold a credential issued for one competition.
 * Spectators never sign in.
 */
export const organiserRoleSchema = userRoleSchema.extract(['organiser', 'exam-officer']);
export type OrganiserRole = z.infer<typeof organiserRoleSchema>;

export const expertRoleSchema = userRoleSchema.extract([
  'chief',
  'deputy-chief',
  'expert',
  'independent',
  'trainee',
]);
export type ExpertRole = z.infer<typeof expertRoleSchema>;
