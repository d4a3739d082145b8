import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CeremonyReply,
  type CeremonyStartInput,
  type CeremonyStepInput,
  type CeremonyState,
  type ListedCompetition,
} from '@ashyq/shared';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useLanguage } from '../lib/language';

/**
 * Drives the boards' ceremony reveal (the boards own it: /api/organiser/competitions/:id/ceremony);
 * every public board of the competition follows each click.
 */
export function CeremonyControl({ competitions }: { competitions: ListedCompetition[] }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [competitionId, setCompetitionId] = useState(competitions[0]?.id ?? '');
  const [ceremony, setCeremony] = useState<CeremonyState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const url = `/api/organiser/competitions/${competitionId}/ceremony`;

  useEffect(() => {
    if (!competitionId) return;
    let live = true;
    apiRequest<CeremonyReply>('GET', url)
      .then((reply) => live && setCeremony(reply.ceremony))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [url, competitionId]);

  async function act(
    method: 'POST' | 'DELETE',
    path: string,
    body?: CeremonyStartInput | CeremonyStepInput,
  ) {
    setError(null);
    try {
      if (method === 'DELETE') {
        // Ending the reveal answers nothing: no ceremony is running any more.
        await apiRequest<void>(method, path);
        setCeremony(null);
      } else setCeremony((await apiRequest<CeremonyReply>(method, path, body)).ceremony);
    } catch (failure) {
      setError(failure);
    }
  }

  if (competitions.length === 0) return null;
  return (
    <div className="org-panel" aria-label={t('ceremony.title')}>
      <h3>{t('ceremony.title')}</h3>
      <p className="org-muted">{t('ceremony.hint')}</p>
      <div className="org-actions">
        <label>
          {t('ceremony.competition')}{' '}
          <select value={competitionId} onChange={(e) => setCompetitionId(e.target.value)}>
            {competitions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.skill.number} {c.skill.name[lang] ?? c.skill.name.ru}
              </option>
            ))}
          </select>
        </label>
        {ceremony ? (
          <>
            <strong>{t('ceremony.step', { step: ceremony.step })}</strong>
            <button type="button" onClick={() => void act('POST', `${url}/step`, { move: 'back' })}>
              {t('ceremony.back')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void act('POST', `${url}/step`, { move: 'next' })}
            >
              {t('ceremony.next')}
            </button>
            <button type="button" onClick={() => void act('DELETE', url)}>
              {t('ceremony.end')}
            </button>
          </>
        ) : (
          <>
            <span>{t('ceremony.none')}</span>
            {(['ascending', 'medals'] as const).map((mode) => (
              <button key={mode} type="button" onClick={() => void act('POST', url, { mode })}>
                {t(`ceremony.${mode}`)}
              </button>
            ))}
          </>
        )}
      </div>
      <ErrorReport error={error} />
    </div>
  );
}
