import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PublicChampionshipsReply } from '@ashyq/shared';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';
import { useLanguage } from '../lib/language';
import { LoadStatus } from '../lib/ui/LoadStatus';

/** An organiser runs the console for any competition in its scope: it picks one here. */
export function CompetitionPicker() {
  const { t } = useTranslation('chief');
  const lang = useLanguage();
  const loaded = useResource<PublicChampionshipsReply>('/api/public/championships')[0];
  if (loaded.state !== 'ready')
    return <LoadStatus loaded={loaded} className="page" failed={t('app.loadFailed')} />;
  return (
    <main className="page chief-picker">
      <h1>{t('app.pick')}</h1>
      {loaded.data.championships.map((championship) => (
        <section key={championship.id}>
          <h2>{localized(championship.name, lang)}</h2>
          <ul className="competitions">
            {championship.competitions.map((competition) => (
              <li key={competition.id}>
                <Link to={`/chief/${encodeURIComponent(competition.id)}`}>
                  <span className="skill-number">{competition.skill.number}</span>
                  <strong>{localized(competition.skill.name, lang)}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
