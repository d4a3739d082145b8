/**
 * Which column of an uploaded list holds which field. Lists come from colleges, regional
 * departments and the national operator in Kazakh, Russian or English, with headers typed by
 * hand, so a header matches when its normalised text equals one of the aliases below.
 */

export const personKinds = ['competitor', 'expert', 'student'] as const;
export type PersonKind = (typeof personKinds)[number];

export const personFields = [
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'iin',
  'college',
  'region',
  'group',
  'taskVariant',
  'guest',
  'delegation',
  'certificate',
  'role',
  'employer',
] as const;
export type PersonField = (typeof personFields)[number];

const ALIASES: Record<PersonField, readonly string[]> = {
  fullName: [
    'фио',
    'ф и о',
    'фамилия имя отчество',
    'фамилия имя отчество при наличии',
    'фамилия имя',
    'аты жөні',
    'тегі аты әкесінің аты',
    'тегі аты',
    'full name',
    'name',
  ],
  lastName: ['фамилия', 'тегі', 'last name', 'surname', 'family name'],
  firstName: ['имя', 'аты', 'first name', 'given name'],
  middleName: ['отчество', 'әкесінің аты', 'middle name', 'patronymic'],
  iin: ['иин', 'жсн', 'iin', 'индивидуальный идентификационный номер', 'жеке сәйкестендіру нөмірі'],
  college: [
    'колледж',
    'college',
    'учебное заведение',
    'организация образования',
    'оқу орны',
    'білім беру ұйымы',
    'educational institution',
  ],
  region: ['регион', 'область', 'облыс', 'өңір', 'region', 'oblast'],
  group: ['группа', 'топ', 'group', 'учебная группа', 'оқу тобы'],
  taskVariant: [
    'вариант',
    'вариант задания',
    'нұсқа',
    'тапсырма нұсқасы',
    'task variant',
    'variant',
  ],
  guest: ['гость', 'қонақ', 'guest', 'вне конкурса', 'конкурстан тыс'],
  delegation: ['делегация', 'delegation'],
  certificate: [
    'сертификат',
    'номер сертификата',
    'сертификат эксперта',
    'сертификат нөмірі',
    'сарапшы сертификаты',
    'certificate',
    'certificate number',
  ],
  role: ['роль', 'рөл', 'рөлі', 'role'],
  employer: ['работодатель', 'место работы', 'жұмыс беруші', 'жұмыс орны', 'employer'],
};

/** Running-number columns ("№", "№ п/п") carry nothing to import and are not worth a warning. */
const ROW_NUMBER_HEADERS = new Set(['', 'no', 'n', 'nr', 'п п', 'р с', 'р н', 'row']);

export interface FieldRule {
  field: PersonField;
  required: boolean;
}

/**
 * The columns each kind of list may have. The name comes either from one full-name column or
 * from separate last/first/middle-name columns, so name fields are checked separately.
 */
export const fieldsByKind: Record<PersonKind, readonly FieldRule[]> = {
  competitor: [
    { field: 'iin', required: true },
    { field: 'college', required: true },
    { field: 'region', required: true },
    { field: 'delegation', required: false },
    { field: 'guest', required: false },
  ],
  expert: [
    { field: 'iin', required: true },
    { field: 'region', required: true },
    { field: 'college', required: false },
    { field: 'delegation', required: false },
    { field: 'certificate', required: false },
    { field: 'role', required: false },
    { field: 'employer', required: false },
  ],
  student: [
    { field: 'iin', required: true },
    { field: 'group', required: true },
    { field: 'taskVariant', required: false },
  ],
};

const NAME_FIELDS: readonly PersonField[] = ['fullName', 'lastName', 'firstName', 'middleName'];

export function acceptedFields(kind: PersonKind): Set<PersonField> {
  return new Set([...NAME_FIELDS, ...fieldsByKind[kind].map((rule) => rule.field)]);
}

/**
 * A header or a listed value (a role) as compared: lower case, ё as е, no bracketed remarks
 * ("ИИН (12 цифр)"), no punctuation or required-field stars, single spaces. Kazakh letters stay.
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FIELD_BY_ALIAS = new Map<string, PersonField>(
  personFields.flatMap((field) =>
    ALIASES[field].map((alias) => [normalizeLabel(alias), field] as const),
  ),
);

export function fieldOfHeader(text: string): PersonField | undefined {
  return FIELD_BY_ALIAS.get(normalizeLabel(text));
}

export function isRowNumberHeader(text: string): boolean {
  const normalized = normalizeLabel(text.replaceAll('№', ' '));
  return ROW_NUMBER_HEADERS.has(normalized) || (text.includes('№') && normalized.length <= 3);
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
