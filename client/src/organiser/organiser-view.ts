import { fullName, type PersonName } from '@ashyq/shared';
import { byName } from '../lib/collate';
import { localized, type LocalizedText } from '../lib/localized';

/**
 * Small pure helpers the organiser's screens share: what a person reads in place of an internal
 * id (a rules profile's name, a championship's name) and the order lists are shown in.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A rules profile by its name in the console's language; its id only for a profile unknown here. */
export function profileName(t: Translate, profileId: string): string {
  return t(`profileName.${profileId}`, { defaultValue: profileId });
}

/** People as an organiser looks for them: by surname, then first name, in the language's order. */
export function peopleByName<P extends { name: PersonName }>(
  people: readonly P[],
  lang: string,
): P[] {
  return byName(people, (person) => fullName(person.name), lang);
}

/** Competencies by skill number (2 before 17), as the championship's documents list them. */
export function bySkillNumber<C extends { skill: { number: string } }>(
  competitions: readonly C[],
): C[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...competitions].sort((a, b) => collator.compare(a.skill.number, b.skill.number));
}

/** A competency's heading: "17 Веб-технологии". */
export function skillTitle(skill: { number: string; name: LocalizedText }, lang: string): string {
  return `${skill.number} ${localized(skill.name, lang)}`;
}
