import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicChampionshipsReply } from '@ashyq/shared';
import { useResource } from '../lib/resource';
import { LoadStatus, progressPercent } from '../lib/ui/LoadStatus';
import { localized } from '../lib/localized';

export function ChampionshipsPage() {
  const { t, i18n } = useTranslation(['board', 'common']);
  const loaded = useResource<PublicChampionshipsReply>('/api/public/championships')[0];
  return (
    <main className="page">
      <p className="tagline">{t('common:tagline')}</p>
      <h1>{t('championships')}</h1>
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && loaded.data.championships.length === 0 && (
        <p>{t('noChampionships')}</p>
      )}
      {loaded.state === 'ready' &&
        loaded.data.championships.map((championship) => (
          <section key={championship.id} className="championship">
            <h2>
              <Link to={`/championships/${championship.id}`}>
                {localized(championship.name, i18n.language)}
              </Link>
            </h2>
            <ul className="competitions">
              {championship.competitions.map((competition) => (
                <li key={competition.id}>
                  <Link to={`/competitions/${competition.id}`}>
                    <span className="skill-number">
                      {t('skill', { number: competition.skill.number })}
                    </span>
                    <strong>{localized(competition.skill.name, i18n.language)}</strong>
                    <span className="progress-text">
                      {competition.published
                        ? t('published')
                        : competition.progress && competition.progress.marked > 0
                          ? t('progress', {
                              ...competition.progress,
                              percent: progressPercent(
                                competition.progress.marked,
                                competition.progress.required,
                              ),
                            })
                          : t('notStarted')}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </main>
  );
}
