import { regions, type Language } from '@ashyq/shared';

/** The seventeen regions and three cities of national significance as a select's options. */
export function RegionOptions({ lang }: { lang: Language }) {
  return (
    <>
      {regions.map((region) => (
        <option key={region.id} value={region.id}>
          {region.name[lang]}
        </option>
      ))}
    </>
  );
}
