import { describe, expect, it } from 'vitest';
import { expertRoleSchema } from '../domain/entities';
import { languages } from '../i18n/index';
import { userRoleName, userRoleSchema, userRoles } from './roles';

describe('roles', () => {
  it('cover the expert roles of the expert entity', () => {
    for (const role of expertRoleSchema.options) expect(userRoles).toContain(role);
    expect(userRoleSchema.safeParse('spectator').success).toBe(true);
    expect(userRoleSchema.safeParse('admin').success).toBe(false);
  });

  it('have a name in every language, using the glossary', () => {
    for (const lang of languages) {
      for (const role of userRoles) expect(userRoleName(role, lang)).toBeTruthy();
    }
    expect(userRoleName('chief', 'kk')).toBe('Бас сарапшы');
    expect(userRoleName('chief', 'ru')).toBe('Главный эксперт');
  });
});
