import { localized, type LocalizedText } from '../lib/localized';

/**
 * What the picker reads of a championship in the public list (the contract's PublicChampionship,
 * GET /api/public/championships); names in any language the list gives.
 */
export interface SignInChampionship {
  id: string;
  name: LocalizedText;
  startsOn?: string;
  endsOn?: string;
  competitions: {
    id: string;
    skill: { number: string; name: LocalizedText };
    published: boolean;
  }[];
}

export interface CompetitionChoice {
  id: string;
  label: string;
}

export interface ChoiceGroup {
  championship: string;
  running: boolean;
  choices: CompetitionChoice[];
}

/**
 * The competitions an expert may sign in to, grouped by championship: those still marking (the
 * results not yet published), championships under way today first, skills by their number.
 */
export function competitionChoices(
  championships: readonly SignInChampionship[],
  lang: string,
  today: string,
): ChoiceGroup[] {
  const collator = new Intl.Collator(lang, { numeric: true });
  return championships
    .map((championship) => ({
      championship: localized(championship.name, lang),
      running:
        !!championship.startsOn &&
        !!championship.endsOn &&
        championship.startsOn <= today &&
        today <= championship.endsOn,
      startsOn: championship.startsOn ?? '',
      choices: championship.competitions
        .filter((competition) => !competition.published)
        .sort((a, b) => collator.compare(a.skill.number, b.skill.number))
        .map((competition) => ({
          id: competition.id,
          label: `${competition.skill.number} ${localized(competition.skill.name, lang)}`,
        })),
    }))
    .filter((group) => group.choices.length > 0)
    .sort(
      (a, b) =>
        Number(b.running) - Number(a.running) ||
        b.startsOn.localeCompare(a.startsOn) ||
        collator.compare(a.championship, b.championship),
    )
    .map(({ championship, running, choices }) => ({ championship, running, choices }));
}

/** The competition to preselect: the one this tablet signed in to last, if still listed. */
export function preselected(groups: readonly ChoiceGroup[], last: string | null): string {
  const all = groups.flatMap((group) => group.choices);
  if (last && all.some((choice) => choice.id === last)) return last;
  return all.length === 1 ? all[0]!.id : '';
}
