import { useTranslation } from 'react-i18next';
import type { Localized, TeamStanding } from '@ashyq/shared';
import { regionLabel } from './format';
import { localized } from '../lib/localized';

/** A medal table (region or college): position, team, medals, medallions, points. */
export function MedalTable({
  title,
  rows,
  kind,
}: {
  title: string;
  rows: (TeamStanding & { name?: Localized | null })[];
  kind: 'region' | 'college';
}) {
  const { t, i18n } = useTranslation('board');
  const name = (row: (typeof rows)[number]) =>
    kind === 'region' ? regionLabel(row.team, i18n.language) : localized(row.name, i18n.language);
  return (
    <section className="medal-table">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('noMedals')}</p>
      ) : (
        <table className="ranking medals">
          <thead>
            <tr>
              <th>{t('column.position')}</th>
              <th>{t('team.team')}</th>
              <th className="number">
                <MedalHead medal="gold" label={t('team.gold')} />
              </th>
              <th className="number">
                <MedalHead medal="silver" label={t('team.silver')} />
              </th>
              <th className="number">
                <MedalHead medal="bronze" label={t('team.bronze')} />
              </th>
              <th className="number">{t('team.medallion')}</th>
              <th className="number">{t('team.points')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.team}>
                <td className="position">{row.position}</td>
                <td>{name(row) || row.team}</td>
                <td className="number">{row.gold}</td>
                <td className="number">{row.silver}</td>
                <td className="number">{row.bronze}</td>
                <td className="number">{row.medallion}</td>
                <td className="number total">{row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A medal's column head: its colour and name; on phones the colour alone, the name still read. */
function MedalHead({ medal, label }: { medal: 'gold' | 'silver' | 'bronze'; label: string }) {
  return (
    <span className="medal-head" title={label}>
      <span className={`medal-dot ${medal}`} aria-hidden="true" />
      <span className="medal-word">{label}</span>
    </span>
  );
}
