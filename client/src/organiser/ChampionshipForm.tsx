import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileName } from './organiser-view';
import {
  getProfile,
  listProfiles,
  publicationPolicySchema,
  type Championship,
  type PublicationPolicy,
} from '@ashyq/shared';
import { RegionOptions } from '../app/RegionOptions';
import { ErrorReport } from '../lib/errors';
import { useLanguage } from '../lib/language';

export type ChampionshipDraft = Omit<Championship, 'createdAt'>;

const levels = ['college', 'regional', 'national', 'international'] as const;
const tracks = ['wsk', 'abilympics', 'deafskills', 'agroskills', 'teachers'] as const;

const defaultProfileId = 'wsk-championship@2024';

export const emptyChampionship: ChampionshipDraft = {
  id: '',
  name: { kk: '', ru: '', en: '' },
  level: 'regional',
  track: 'wsk',
  season: new Date().getFullYear(),
  hostRegionId: 'astana',
  startsOn: '',
  endsOn: '',
  // As the server would default it: the rules profile's publication policy.
  publication: { policy: getProfile(defaultProfileId)!.publicationDefault },
  profileId: defaultProfileId,
};

/** `2026-03-10T09:00:00+05:00` <-> the `datetime-local` input's `2026-03-10T09:00` (Almaty time). */
export const toLocal = (iso?: string) => (iso ? iso.slice(0, 16) : '');
export const fromLocal = (local: string) => (local ? `${local}:00+05:00` : undefined);

/**
 * Create or edit a championship: every field the API takes, with the freeze time of the public
 * board (Asia/Almaty). On edit the id is fixed.
 */
export function ChampionshipForm({
  initial,
  editing,
  onSubmit,
}: {
  initial: ChampionshipDraft;
  editing: boolean;
  onSubmit: (draft: ChampionshipDraft) => Promise<void>;
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ChampionshipDraft>(key: K, value: ChampionshipDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setName = (key: 'kk' | 'ru' | 'en', value: string) =>
    setDraft((d) => ({ ...d, name: { ...d.name, [key]: value } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { en, ...required } = draft.name;
    const freezeAt = draft.publication.freezeAt;
    const venue = draft.venue?.trim();
    try {
      // Field by field: `initial` may be a stored record, whose createdAt the API refuses.
      await onSubmit({
        id: draft.id,
        name: en ? { ...required, en } : required,
        level: draft.level,
        track: draft.track,
        season: draft.season,
        hostRegionId: draft.hostRegionId,
        startsOn: draft.startsOn,
        endsOn: draft.endsOn,
        ...(venue ? { venue } : {}),
        publication: { policy: draft.publication.policy, ...(freezeAt ? { freezeAt } : {}) },
        profileId: draft.profileId,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="org-form org-grid"
      aria-label={editing ? t('championship.edit') : t('championships.create')}
    >
      {!editing && (
        <label>
          {t('field.id')}
          <input name="id" value={draft.id} onChange={(e) => set('id', e.target.value)} required />
        </label>
      )}
      {(['kk', 'ru', 'en'] as const).map((key) => (
        <label key={key}>
          {t(`field.name${key === 'kk' ? 'Kk' : key === 'ru' ? 'Ru' : 'En'}`)}
          <input
            name={`name-${key}`}
            value={draft.name[key] ?? ''}
            onChange={(e) => setName(key, e.target.value)}
            required={key !== 'en'}
          />
        </label>
      ))}
      <label>
        {t('field.level')}
        <select
          name="level"
          value={draft.level}
          onChange={(e) => set('level', e.target.value as ChampionshipDraft['level'])}
        >
          {levels.map((level) => (
            <option key={level} value={level}>
              {t(`level.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.track')}
        <select
          name="track"
          value={draft.track}
          onChange={(e) => set('track', e.target.value as ChampionshipDraft['track'])}
        >
          {tracks.map((track) => (
            <option key={track} value={track}>
              {t(`track.${track}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.season')}
        <input
          name="season"
          type="number"
          value={draft.season}
          onChange={(e) => set('season', Number(e.target.value))}
          required
        />
      </label>
      <label>
        {t('field.hostRegion')}
        <select
          name="hostRegion"
          value={draft.hostRegionId}
          onChange={(e) => set('hostRegionId', e.target.value)}
        >
          <RegionOptions lang={lang} />
        </select>
      </label>
      <label>
        {t('field.startsOn')}
        <input
          name="startsOn"
          type="date"
          value={draft.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
          required
        />
      </label>
      <label>
        {t('field.endsOn')}
        <input
          name="endsOn"
          type="date"
          value={draft.endsOn}
          onChange={(e) => set('endsOn', e.target.value)}
          required
        />
      </label>
      <label>
        {t('field.venue')}
        <input
          name="venue"
          value={draft.venue ?? ''}
          onChange={(e) => set('venue', e.target.value)}
        />
      </label>
      <label>
        {t('field.profile')}
        <select
          name="profile"
          value={draft.profileId}
          onChange={(e) => set('profileId', e.target.value)}
        >
          <ProfileOptions />
        </select>
      </label>
      <label>
        {t('field.policy')}
        <select
          name="policy"
          value={draft.publication.policy}
          onChange={(e) =>
            set('publication', {
              ...draft.publication,
              policy: e.target.value as PublicationPolicy,
            })
          }
        >
          <PolicyOptions />
        </select>
      </label>
      <label>
        {t('field.freezeAt')}
        <input
          name="freezeAt"
          type="datetime-local"
          value={toLocal(draft.publication.freezeAt)}
          onChange={(e) => {
            const freezeAt = fromLocal(e.target.value);
            set('publication', {
              policy: draft.publication.policy,
              ...(freezeAt ? { freezeAt } : {}),
            });
          }}
        />
      </label>
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {editing ? t('save') : t('championships.create')}
        </button>
      </div>
    </form>
  );
}

/** The publication policies, in the console's language, as the options of a select. */
export function PolicyOptions() {
  const { t } = useTranslation('organiser');
  return publicationPolicySchema.options.map((policy) => (
    <option key={policy} value={policy}>
      {t(`policy.${policy}`)}
    </option>
  ));
}

/** Every rules profile, by its name in the console's language, as the options of a select. */
export function ProfileOptions() {
  const { t } = useTranslation('organiser');
  return listProfiles().map((profile) => (
    <option key={profile.id} value={profile.id}>
      {profileName(t, profile.id)}
    </option>
  ));
}
