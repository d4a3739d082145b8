import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Championship, type Language, type ChampionshipsReply } from '@ashyq/shared';
import { ChampionshipForm, emptyChampionship, type ChampionshipDraft } from './ChampionshipForm';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { useLanguage } from '../lib/language';

/** Every championship in the organiser's scope, a form for a new one, and clone-last-year. */
export function ChampionshipsList() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const navigate = useNavigate();
  const [loaded] = useResource<ChampionshipsReply>('/api/organiser/championships', {
    signIn: '/login',
  });
  const [cloning, setCloning] = useState<Championship | null>(null);

  async function create(draft: ChampionshipDraft) {
    await apiRequest('POST', '/api/organiser/championships', draft);
    void navigate(`/organiser/championships/${draft.id}`);
  }

  return (
    <section>
      <h1>{t('championships.title')}</h1>
      {loaded.state === 'loading' && <p>{t('loading')}</p>}
      {loaded.state === 'failed' && <ErrorReport error={loaded.error} />}
      {loaded.state === 'ready' &&
        (loaded.data.championships.length === 0 ? (
          <p>{t('championships.none')}</p>
        ) : (
          <table className="org-table">
            <thead>
              <tr>
                <th>{t('field.nameRu')}</th>
                <th>{t('field.level')}</th>
                <th>{t('field.track')}</th>
                <th>{t('field.season')}</th>
                <th>{t('field.startsOn')}</th>
                <th>{t('championships.statusColumn')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {[...loaded.data.championships]
                .sort((a, b) => b.season - a.season || a.id.localeCompare(b.id))
                .map((championship) => (
                  <tr key={championship.id}>
                    <td>
                      <Link to={`/organiser/championships/${championship.id}`}>
                        {championship.name[lang] ?? championship.name.ru}
                      </Link>
                    </td>
                    <td>{t(`level.${championship.level}`)}</td>
                    <td>{t(`track.${championship.track}`)}</td>
                    <td>{championship.season}</td>
                    <td>
                      {formatDate(championship.startsOn)} – {formatDate(championship.endsOn)}
                    </td>
                    <td>{t(`championships.status.${championship.status}`)}</td>
                    <td>
                      <button type="button" onClick={() => setCloning(championship)}>
                        {t('championships.clone')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
      {cloning && <CloneForm original={cloning} onDone={() => setCloning(null)} />}
      <h2>{t('championships.create')}</h2>
      <ChampionshipForm initial={emptyChampionship} editing={false} onSubmit={create} />
    </section>
  );
}

/** dd.mm.yyyy, as dates print in Kazakhstan. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * A year later by default: the usual start for next season's edition. The season's year in the
 * id and the names moves on with it; the organiser corrects the rest.
 */
function CloneForm({ original, onDone }: { original: Championship; onDone: () => void }) {
  const { t, i18n } = useTranslation('organiser');
  const navigate = useNavigate();
  const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  const nextSeason = (text: string) =>
    text.replaceAll(String(original.season), String(original.season + 1));
  const [id, setId] = useState(nextSeason(original.id));
  const [name, setName] = useState({
    kk: nextSeason(original.name.kk),
    ru: nextSeason(original.name.ru),
    en: nextSeason(original.name.en ?? ''),
  });
  const [season, setSeason] = useState(original.season + 1);
  const [startsOn, setStartsOn] = useState(nextYear(original.startsOn));
  const [endsOn, setEndsOn] = useState(nextYear(original.endsOn));
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { en, ...required } = name;
      await apiRequest('POST', `/api/organiser/championships/${original.id}/clone`, {
        id,
        name: en.trim() ? { ...required, en } : required,
        season,
        startsOn,
        endsOn,
      });
      onDone();
      void navigate(`/organiser/championships/${id}`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="org-form org-grid org-panel"
      aria-label={t('championships.clone')}
    >
      <h2>
        {t('championships.cloneTitle', {
          name: original.name[i18n.language as Language] ?? original.name.ru,
        })}
      </h2>
      <label>
        {t('field.id')}
        <input name="clone-id" value={id} onChange={(e) => setId(e.target.value)} required />
      </label>
      {(['kk', 'ru', 'en'] as const).map((key) => (
        <label key={key}>
          {t(`field.name${key === 'kk' ? 'Kk' : key === 'ru' ? 'Ru' : 'En'}`)}
          <input
            name={`clone-name-${key}`}
            value={name[key]}
            onChange={(e) => setName((n) => ({ ...n, [key]: e.target.value }))}
            required={key !== 'en'}
          />
        </label>
      ))}
      <label>
        {t('field.season')}
        <input
          name="clone-season"
          type="number"
          value={season}
          onChange={(e) => setSeason(Number(e.target.value))}
        />
      </label>
      <label>
        {t('field.startsOn')}
        <input
          name="clone-starts"
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </label>
      <label>
        {t('field.endsOn')}
        <input
          name="clone-ends"
          type="date"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </label>
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit" className="primary">
          {t('championships.clone')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
