import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ExpertsReply,
  type ChampionshipDetailReply,
  type CompetitionDetailReply,
} from '@ashyq/shared';
import { CardsSheet } from './CardsSheet';
import { CompetitionForm } from './CompetitionForm';
import { PeopleSection } from './PeopleSection';
import { SchemeEditor } from './SchemeEditor';
import { SchemeSection } from './SchemeSection';
import { LoadFailure } from './LoadFailure';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';
import { skillTitle } from './organiser-view';
import { useLanguage } from '../lib/language';

/** One competency: its marking scheme, its people, the experts' sign-in cards, and its details. */
export function CompetitionPage() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { competitionId = '' } = useParams();
  const url = `/api/organiser/competitions/${encodeURIComponent(competitionId)}`;
  const [loaded, reload] = useResource<CompetitionDetailReply>(url, {
    signIn: '/login',
  });
  const [experts, reloadExperts] = useResource<ExpertsReply>(`${url}/experts`, {
    signIn: '/login',
  });
  const championshipId = loaded.state === 'ready' ? loaded.data.competition.championshipId : null;
  // The back link names the championship, as the organiser knows it, not its id.
  const [championship] = useResource<ChampionshipDetailReply>(
    championshipId ? `/api/organiser/championships/${encodeURIComponent(championshipId)}` : null,
    { signIn: '/login' },
  );
  const [printing, setPrinting] = useState(false);
  const [saved, setSaved] = useState(false);

  if (loaded.state === 'loading') return <p>{t('loading')}</p>;
  if (loaded.state === 'failed') return <LoadFailure failed={loaded} what="competition" />;
  const { competition, marked } = loaded.data;
  const name = skillTitle(competition.skill, lang);
  const expertList = experts.state === 'ready' ? experts.data.experts : [];

  if (printing) {
    return (
      <CardsSheet
        competitionId={competition.id}
        competitionName={name}
        experts={expertList}
        onClose={() => setPrinting(false)}
      />
    );
  }
  return (
    <section>
      <p>
        <Link to={`/organiser/championships/${competition.championshipId}`}>
          ←{' '}
          {championship.state === 'ready'
            ? localized(championship.data.championship.name, lang)
            : t('championships.back')}
        </Link>
      </p>
      <h1>{name}</h1>
      <SchemeSection
        competitionId={competition.id}
        schemeVersion={competition.schemeVersion}
        hasScheme={competition.scheme !== undefined}
        onAccepted={reload}
      />
      {competition.scheme && (
        <SchemeEditor
          competition={{ ...competition, scheme: competition.scheme }}
          onSaved={reload}
        />
      )}
      <PeopleSection
        competitionId={competition.id}
        running={competition.scheme !== undefined}
        onChanged={reloadExperts}
      />
      {competition.scheme !== undefined && expertList.length > 0 && (
        <p>
          <button type="button" className="primary" onClick={() => setPrinting(true)}>
            {t('people.cards')}
          </button>
        </p>
      )}
      <h2>{t('competition.edit')}</h2>
      {saved && <p role="status">{t('saved')}</p>}
      <CompetitionForm
        key={JSON.stringify(competition)}
        competition={competition}
        marked={marked}
        onSaved={() => {
          setSaved(true);
          reload();
        }}
      />
    </section>
  );
}
