import { isValidBin, type PersonName, type Rng, type Sex, syntheticIin } from '@ashyq/shared';

/**
 * Synthetic people for the demo: Kazakh and Russian names, IINs that pass the check digit but
 * were drawn at random, BINs made the same way, and six-digit PINs. Nothing here is a real
 * person's or organisation's identifier; everything comes from the caller's seeded rng.
 */

interface NamePool {
  first: Record<Sex, readonly string[]>;
  /** Male surname forms; the female form adds «а» (Ахметов -> Ахметова). */
  surnames: readonly string[];
  /** Patronymic for a son and for a daughter, from one father's name. */
  patronymics: readonly (readonly [son: string, daughter: string])[];
}

const words = (text: string) => text.trim().split(/\s+/);

const kazakh: NamePool = {
  first: {
    male: words(`Нұрлан Ерлан Данияр Айбек Арман Бауыржан Дастан Ержан Әлихан Темірлан Санжар
      Асылан Мирас Нұрислам Ақжол Бекзат Дәулет Жандос Ілияс Еркебұлан`),
    female: words(`Айгерім Дана Жансая Аружан Мадина Әсел Томирис Камила Динара Айдана Балжан
      Гүлназ Жанерке Ақбота Нұрай Меруерт Салтанат Інкәр`),
  },
  surnames: words(`Ахметов Серікбаев Жұмабеков Оспанов Қасымов Төлеуов Бекмұханов Нұрпейісов
    Сәрсенбаев Әбілқасымов Исабеков Мұқанов Тоқтаров Омаров Байжанов Ермеков Құрманов Сейітов
    Әлімжанов Жақсыбеков`),
  patronymics: words('Серік Бақыт Қайрат Болат Асқар Марат Ғалым Талғат Жанат Ержан').map(
    (father) => [`${father}ұлы`, `${father}қызы`] as const,
  ),
};

const russian: NamePool = {
  first: {
    male: words('Дмитрий Алексей Сергей Андрей Максим Артём Илья Кирилл Никита Егор'),
    female: words('Анастасия Екатерина Мария Ольга Дарья Алина Виктория Ксения Полина'),
  },
  surnames: words(`Иванов Ковалёв Соколов Морозов Кузнецов Лебедев Никитин Фёдоров Белов Захаров
    Гаврилов Щербаков`),
  // One father's name gives -вич to a son and -вна to a daughter.
  patronymics: words('Сергее Александро Викторо Николае Андрее Владимиро').map(
    (stem) => [`${stem}вич`, `${stem}вна`] as const,
  ),
};

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export interface SyntheticPerson {
  name: PersonName;
  iin: string;
}

export interface PersonOptions {
  /** Birth dates, YYYY-MM-DD. */
  born: { from: string; to: string };
  /** Share of Russian names (the rest are Kazakh); 0.3 if not given. */
  russianShare?: number;
}

/**
 * Draws people with distinct names and IINs. The sex is drawn first so that the name, the
 * patronymic and the IIN's seventh digit agree.
 */
export class PeopleFactory {
  private readonly names = new Set<string>();
  private readonly iins = new Set<string>();

  constructor(private readonly rng: Rng) {}

  person(options: PersonOptions): SyntheticPerson {
    for (;;) {
      const sex: Sex = this.rng() < 0.5 ? 'male' : 'female';
      const pool = this.rng() < (options.russianShare ?? 0.3) ? russian : kazakh;
      const surname = pick(this.rng, pool.surnames);
      const name: PersonName = {
        last: sex === 'male' ? surname : `${surname}а`,
        first: pick(this.rng, pool.first[sex]),
        middle: pick(this.rng, pool.patronymics)[sex === 'male' ? 0 : 1],
      };
      const iin = syntheticIin(this.rng, { ...options.born, sex });
      const key = `${name.last} ${name.first}`;
      if (this.names.has(key) || this.iins.has(iin)) continue;
      this.names.add(key);
      this.iins.add(iin);
      return { name, iin };
    }
  }
}

/**
 * A resident legal entity's head office BIN (type 4, attribute 0) registered in the given month,
 * with a random serial; serials whose check digit would be 10 are never issued, so the next
 * serial is tried.
 */
export function syntheticBin(rng: Rng, registered: { year: number; month: number }): string {
  const prefix = `${String(registered.year % 100).padStart(2, '0')}${String(registered.month).padStart(2, '0')}40`;
  for (let serial = Math.floor(rng() * 100_000); ; serial = (serial + 1) % 100_000) {
    const first11 = prefix + String(serial).padStart(5, '0');
    for (let check = 0; check <= 9; check++) {
      if (isValidBin(first11 + check)) return first11 + check;
    }
  }
}

/** Six-digit PINs, distinct across the whole demo so a PIN alone tells which expert it is. */
export function distinctPins(rng: Rng, count: number): string[] {
  const pins = new Set<string>();
  while (pins.size < count) pins.add(String(Math.floor(rng() * 900_000) + 100_000));
  return [...pins];
}
