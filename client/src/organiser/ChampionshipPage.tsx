import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ChampionshipDetailReply } from '@ashyq/shared';
import { useForm } from './api';
import { ChampionshipForm, type ChampionshipDraft } from './ChampionshipForm';
import { BestOfDelegation } from './BestOfDelegation';
import { SkillFields, skillOf } from './CompetitionForm';
import { RunOverview } from './RunOverview';
import { ErrorReport } from '../lib/errors';
import { LoadFailure } from './LoadFailure';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { bySkillNumber } from './organiser-view';
import { useLanguage } from '../lib/language';

/** One championship: its details, competencies, the live run, exports and advancement. */
export function ChampionshipPage() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { championshipId = '' } = useParams();
  const url = `/api/organiser/championships/${encodeURIComponent(championshipId)}`;
  const [loaded, reload] = useResource<ChampionshipDetailReply>(url, { signIn: '/login' });
  const [saved, setSaved] = useState(false);

  if (loaded.state === 'loading') return <p>{t('loading')}</p>;
  if (loaded.state === 'failed') return <LoadFailure failed={loaded} what="championship" />;
  const { championship, competitions } = loaded.data;
  const sorted = bySkillNumber(competitions);

  async function save(draft: ChampionshipDraft) {
    // The id is fixed; a venue left empty is sent as null, which clears it (docs/api.md).
    const { id: _id, venue, ...changes } = draft;
    await apiRequest('PATCH', url, { ...changes, venue: venue ?? null });
    setSaved(true);
    reload();
  }

  return (
    <section>
      <h1>{championship.name[lang] ?? championship.name.ru}</h1>
      <p className="org-muted">
        {t(`level.${championship.level}`)} · {t(`track.${championship.track}`)} ·{' '}
        {championship.season} ·{' '}
        <Link to={`/organiser/championships/${championship.id}/advancement`}>
          {t('championship.advancement')}
        </Link>{' '}
        · <Link to={`/organiser/championships/${championship.id}/judges`}>{t('judges.link')}</Link>{' '}
        · <Link to={`/championships/${championship.id}`}>{t('championship.publicPage')}</Link>
      </p>

      <h2>{t('championships.competitions')}</h2>
      {sorted.length === 0 ? (
        <p>{t('championship.noCompetitions')}</p>
      ) : (
        <table className="org-table" tabIndex={0}>
          <thead>
            <tr>
              <th>{t('field.skillNumber')}</th>
              <th>{t('run.competition')}</th>
              <th>{t('championship.scheme')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((competition) => (
              <tr key={competition.id}>
                <td>{competition.skill.number}</td>
                <td>
                  <Link to={`/organiser/competitions/${competition.id}`}>
                    {competition.skill.name[lang] ?? competition.skill.name.ru}
                  </Link>
                </td>
                <td>
                  {competition.hasScheme
                    ? t('championship.hasScheme', { version: competition.schemeVersion })
                    : t('championship.noScheme')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddCompetition championshipId={championship.id} onAdded={reload} />

      <RunOverview competitions={sorted} />

      <h2>{t('exports.title')}</h2>
      <ul className="org-downloads">
        <li>
          <a href={`${url}/results.xlsx?lang=${lang}`} download>
            {t('exports.championshipXlsx')}
          </a>
        </li>
        {sorted
          .filter((competition) => competition.hasScheme)
          .map((competition) => {
            const skill = `${competition.skill.number} ${competition.skill.name[lang] ?? competition.skill.name.ru}`;
            const competitionUrl = `/api/organiser/competitions/${competition.id}`;
            return (
              <li key={competition.id}>
                <a href={`${competitionUrl}/results.xlsx?lang=${lang}`} download>
                  {t('exports.competitionXlsx', { skill })}
                </a>
                {(['kk', 'ru'] as const).map((paper) => (
                  <span key={paper}>
                    {' · '}
                    <a
                      href={`${competitionUrl}/results.pdf?lang=${paper}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('resultSheet.download', {
                        skill: competition.skill.number,
                        language: paper.toUpperCase(),
                      })}
                    </a>
                  </span>
                ))}
              </li>
            );
          })}
      </ul>
      <BestOfDelegation championshipId={championship.id} />

      <h2>{t('championship.edit')}</h2>
      {saved && <p role="status">{t('saved')}</p>}
      <ChampionshipForm
        key={JSON.stringify(championship)}
        initial={championship}
        editing
        onSubmit={save}
      />
    </section>
  );
}

function AddCompetition({
  championshipId,
  onAdded,
}: {
  championshipId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation('organiser');
  const { form, set, error, submit, reset } = useForm({
    id: '',
    number: '',
    kk: '',
    ru: '',
    en: '',
  });

  const add = submit(async () => {
    await apiRequest('POST', `/api/organiser/championships/${championshipId}/competitions`, {
      id: form.id,
      skill: skillOf(form),
    });
    reset();
    onAdded();
  });

  return (
    <form
      onSubmit={add}
      className="org-form org-grid org-panel"
      aria-label={t('championship.addCompetition')}
    >
      <h3>{t('championship.addCompetition')}</h3>
      <label>
        {t('field.id')}
        <input name="competition-id" value={form.id} onChange={set('id')} required />
      </label>
      <SkillFields form={form} set={set} />
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit" className="primary">
          {t('add')}
        </button>
      </div>
    </form>
  );
}
