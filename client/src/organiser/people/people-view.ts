import { fullName, isSameName, type Competitor, type Expert, type PersonName } from '@ashyq/shared';
import { peopleByName } from '../organiser-view';

/**
 * What the competition's people screens send and show, decided without React: the request body
 * of an added person, the PATCH of a corrected one (only what changed), and the declared
 * conflicts by name. The components in this folder only draw and call these.
 */

export const roles = ['chief', 'deputy-chief', 'expert', 'independent', 'trainee'] as const;
export type Kind = 'competitors' | 'experts';
export type Person = Competitor | Expert;

/** The add form's fields, as typed. */
export interface NewPersonForm {
  last: string;
  first: string;
  middle: string;
  iin: string;
  regionId: string;
  collegeId: string;
  role: string;
  certificate: string;
  employer: string;
  delegation: string;
  guest: boolean;
}

function nameOf(form: { last: string; first: string; middle: string }): PersonName {
  return { last: form.last, first: form.first, ...(form.middle ? { middle: form.middle } : {}) };
}

/** POST body of one added person: optional fields only when filled, trimmed. */
export function newPersonBody(form: NewPersonForm, kind: Kind): Record<string, unknown> {
  const optional = (keys: readonly ('certificate' | 'employer' | 'delegation')[]) =>
    Object.fromEntries(keys.flatMap((key) => (form[key].trim() ? [[key, form[key].trim()]] : [])));
  return {
    name: nameOf(form),
    iin: form.iin,
    regionId: form.regionId,
    ...(form.collegeId ? { collegeId: form.collegeId } : {}),
    ...(kind === 'experts'
      ? { role: form.role, ...optional(['certificate', 'employer', 'delegation']) }
      : { guest: form.guest, ...optional(['delegation']) }),
  };
}

/** The correction form's fields, as typed. */
export interface EditForm {
  last: string;
  first: string;
  middle: string;
  iin: string;
  reason: string;
  role: string;
  certificate: string;
  employer: string;
  delegation: string;
}

/** The correction form filled from the person as registered. */
export function editFormOf(person: Person): EditForm {
  const expert = 'role' in person ? person : null;
  return {
    last: person.name.last,
    first: person.name.first,
    middle: person.name.middle ?? '',
    iin: person.iin,
    reason: '',
    role: expert?.role ?? 'expert',
    certificate: expert?.certificate ?? '',
    employer: expert?.employer ?? '',
    delegation: person.delegation ?? '',
  };
}

/**
 * PATCH body of a correction: only what changed. An expert's unchanged role must not revoke its
 * PIN; a competitor's delegation is never sent (it decided the compatriot rules marks were given
 * under), only its name and IIN with the reason the log keeps. An emptied field is null.
 */
export function correctionPatch(
  form: EditForm,
  person: Person,
  kind: Kind,
): Record<string, unknown> {
  const before = editFormOf(person);
  const name = nameOf(form);
  const papers =
    kind === 'experts'
      ? (['role', 'certificate', 'employer', 'delegation'] as const).filter(
          (key) => form[key].trim() !== before[key],
        )
      : [];
  return {
    ...(isSameName(name, person.name) ? {} : { name }),
    ...(form.iin === person.iin ? {} : { iin: form.iin }),
    ...Object.fromEntries(papers.map((key) => [key, form[key].trim() || null])),
    ...(kind === 'competitors' ? { reason: form.reason } : {}),
  };
}

/** Declared conflicts, "expert — competitor" by name, in the order of the experts' names. */
export function declaredConflicts(
  conflicts: Record<string, readonly string[]>,
  experts: readonly Expert[],
  competitors: readonly Competitor[],
  lang: string,
): { key: string; expert: string; competitor: string }[] {
  const name = (people: readonly Person[], id: string) => {
    const person = people.find((p) => p.id === id);
    return person ? fullName(person.name) : id;
  };
  const known = new Set(experts.map((expert) => expert.id));
  const order = [
    ...peopleByName(experts, lang).map((expert) => expert.id),
    ...Object.keys(conflicts).filter((id) => !known.has(id)),
  ];
  return order.flatMap((expertId) =>
    peopleByName(
      (conflicts[expertId] ?? []).map(
        (id) => competitors.find((c) => c.id === id) ?? { id, name: { last: id, first: '' } },
      ),
      lang,
    ).map((competitor) => ({
      key: `${expertId}-${competitor.id}`,
      expert: name(experts, expertId),
      competitor: name(competitors, competitor.id),
    })),
  );
}
