import { organiserRefusals } from './organiser-refusals';
import { auth } from './auth';
import { board } from './board';
import { chief } from './chief';
import { common } from './common';
import { documents } from './documents';
import { errors } from './errors';
import { exam } from './exam';
import { expert } from './expert';
import { grades } from './grades';
import { identifiers } from './identifiers';
import { operations } from './operations';
import { organiser } from './organiser';
import { people } from './people';
import { workbook } from './workbook';
import { reference } from './reference';
import { scoring } from './scoring';
import { languages, type Dictionary, type Language, type Namespace } from './messages';

export * from './messages';
export * from './numbers';

/**
 * Every namespace of the product. Add a namespace here and the completeness test checks it.
 * The key is the i18next namespace name.
 */
export const namespaces = {
  common,
  board,
  errors,
  auth,
  identifiers,
  people,
  grades,
  reference,
  workbook,
  scoring,
  organiserRefusals,
  expert,
  exam,
  organiser,
  chief,
  documents,
  operations,
} satisfies Record<string, Namespace>;

export type NamespaceName = keyof typeof namespaces;

/** i18next resources: `{ kk: { common: {...}, ... }, ru: ..., en: ... }`. */
export function resources(): Record<Language, Record<string, Dictionary>> {
  const out = {} as Record<Language, Record<string, Dictionary>>;
  for (const lang of languages) {
    out[lang] = {};
    for (const [name, ns] of Object.entries(namespaces)) out[lang][name] = ns[lang];
  }
  return out;
}
