import { useTranslation } from 'react-i18next';
import { profileName } from './organiser-view';
import type { Competition } from '@ashyq/shared';
import { useForm } from './api';
import { fromLocal, PolicyOptions, ProfileOptions, toLocal } from './ChampionshipForm';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';

interface SkillForm {
  number: string;
  kk: string;
  ru: string;
  en: string;
}

/** A competency's skill number and its names in kk, ru and (optionally) en. */
export function SkillFields({
  form,
  set,
}: {
  form: SkillForm;
  set: (key: keyof SkillForm) => (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation('organiser');
  return (
    <>
      <label>
        {t('field.skillNumber')}
        <input name="skill-number" value={form.number} onChange={set('number')} required />
      </label>
      <label>
        {t('field.nameKk')}
        <input name="skill-kk" value={form.kk} onChange={set('kk')} required />
      </label>
      <label>
        {t('field.nameRu')}
        <input name="skill-ru" value={form.ru} onChange={set('ru')} required />
      </label>
      <label>
        {t('field.nameEn')}
        <input name="skill-en" value={form.en} onChange={set('en')} />
      </label>
    </>
  );
}

/** The skill as the API takes it: an empty English name is left out. */
export function skillOf(form: SkillForm) {
  return {
    number: form.number,
    name: { kk: form.kk, ru: form.ru, ...(form.en.trim() ? { en: form.en } : {}) },
  };
}

/** The select's value for a competition without its own policy: it follows the championship. */
const inherited = 'championship';

/**
 * A competency's skill number and names, its rules profile (until the first mark pins it: the
 * API refuses a change after that) and its own publication policy, or the championship's.
 */
export function CompetitionForm({
  competition,
  marked,
  onSaved,
}: {
  competition: Competition;
  marked: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation('organiser');
  const { form, set, error, submit } = useForm({
    number: competition.skill.number,
    kk: competition.skill.name.kk,
    ru: competition.skill.name.ru,
    en: competition.skill.name.en ?? '',
    profileId: competition.profileId,
    policy: competition.publication?.policy ?? inherited,
    freezeAt: toLocal(competition.publication?.freezeAt),
  });

  const save = submit(async () => {
    const freezeAt = fromLocal(form.freezeAt);
    await apiRequest('PATCH', `/api/organiser/competitions/${competition.id}`, {
      skill: skillOf(form),
      ...(marked ? {} : { profileId: form.profileId }),
      // null drops the competition's own policy (docs/api.md).
      publication:
        form.policy === inherited ? null : { policy: form.policy, ...(freezeAt && { freezeAt }) },
    });
    onSaved();
  });

  return (
    <form onSubmit={save} className="org-form org-grid" aria-label={t('competition.edit')}>
      <SkillFields form={form} set={set} />
      {marked ? (
        <p>
          {t('field.profile')}:{' '}
          {t('competition.profilePinned', { profile: profileName(t, competition.profileId) })}
        </p>
      ) : (
        <label>
          {t('field.profile')}
          <select name="profile" value={form.profileId} onChange={set('profileId')}>
            <ProfileOptions />
          </select>
        </label>
      )}
      <label>
        {t('field.policy')}
        <select name="policy" value={form.policy} onChange={set('policy')}>
          <option value={inherited}>{t('competition.asChampionship')}</option>
          <PolicyOptions />
        </select>
      </label>
      {form.policy !== inherited && (
        <label>
          {t('field.freezeAt')}
          <input
            name="freezeAt"
            type="datetime-local"
            value={form.freezeAt}
            onChange={set('freezeAt')}
          />
        </label>
      )}
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit" className="primary">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
