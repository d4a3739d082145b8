import { useTranslation } from 'react-i18next';
import type { Competitor, ConflictInput, ConflictReply, Expert, Overview } from '@ashyq/shared';
import { useForm } from '../api';
import { declaredConflicts } from './people-view';
import { peopleByName } from '../organiser-view';
import { ErrorReport } from '../../lib/errors';
import { apiRequest } from '../../lib/http';
import { useResource } from '../../lib/resource';
import { fullName } from '@ashyq/shared';
import { useLanguage } from '../../lib/language';

/** Declared conflicts of interest: an expert who must not mark a competitor. */
export function Conflicts({
  competitionId,
  competitors,
  experts,
}: {
  competitionId: string;
  competitors: Competitor[];
  experts: Expert[];
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [overview, reload] = useResource<Overview>(
    `/api/chief/competitions/${competitionId}/overview`,
    { signIn: '/login' },
  );
  const { form, set, error, submit } = useForm({ expertId: '', competitorId: '' });
  const declare = submit(async () => {
    const body: ConflictInput = form;
    await apiRequest<ConflictReply>(
      'POST',
      `/api/chief/competitions/${competitionId}/conflicts`,
      body,
    );
    reload();
  });

  const declared =
    overview.state === 'ready'
      ? declaredConflicts(overview.data.conflicts, experts, competitors, lang)
      : [];
  return (
    <>
      <h2>{t('people.conflicts')}</h2>
      <ul>
        {declared.map(({ key, expert, competitor }) => (
          <li key={key}>{t('people.conflictOf', { expert, competitor })}</li>
        ))}
      </ul>
      <form onSubmit={declare} className="org-form org-grid" aria-label={t('people.declare')}>
        <label>
          {t('people.expert')}
          <select value={form.expertId} onChange={set('expertId')} required>
            <option value="">—</option>
            {peopleByName(experts, lang).map((expert) => (
              <option key={expert.id} value={expert.id}>
                {fullName(expert.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.competitor')}
          <select value={form.competitorId} onChange={set('competitorId')} required>
            <option value="">—</option>
            {peopleByName(competitors, lang).map((competitor) => (
              <option key={competitor.id} value={competitor.id}>
                {fullName(competitor.name)}
              </option>
            ))}
          </select>
        </label>
        <div className="org-actions">
          <ErrorReport error={error} />
          <button type="submit">{t('people.declare')}</button>
        </div>
      </form>
    </>
  );
}
