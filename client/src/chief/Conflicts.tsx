import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictInput, ConflictReply } from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { apiRequest } from '../lib/http';

/**
 * Declared conflicts of interest (an expert who trained a competitor, a relative...): besides
 * compatriots, whom the server bars by itself, the expert never marks these competitors.
 */
export function Conflicts({ competitionId, roster, names, overview, confirm }: ConsoleProps) {
  const { t } = useTranslation('chief');
  const [expert, setExpert] = useState('');
  const [competitor, setCompetitor] = useState('');
  const declared = Object.entries(overview.conflicts).filter(([, ids]) => ids.length > 0);

  const declare = () =>
    confirm({
      title: t('conflicts.declareTitle', {
        expert: names.expert(expert),
        competitor: names.competitor(competitor),
      }),
      body: <p>{t('conflicts.declareBody')}</p>,
      confirmLabel: t('conflicts.declare'),
      danger: true,
      run: async () => {
        const body: ConflictInput = { expertId: expert, competitorId: competitor };
        await apiRequest<ConflictReply>('POST', `${chiefBase(competitionId)}/conflicts`, body);
        setCompetitor('');
      },
    });

  return (
    <>
      <h3>{t('conflicts.title')}</h3>
      <p className="note">{t('conflicts.hint')}</p>
      {declared.length === 0 ? (
        <p>{t('conflicts.none')}</p>
      ) : (
        <ul className="conflict-list">
          {declared.map(([id, competitors]) => (
            <li key={id}>
              <strong>{names.expert(id)}</strong>: {competitors.map(names.competitor).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <div className="audit-filters conflict-form">
        <label>
          {t('conflicts.expert')}
          <select value={expert} onChange={(e) => setExpert(e.target.value)}>
            <option value="">—</option>
            {roster.experts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {names.expert(candidate.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('conflicts.competitor')}
          <select value={competitor} onChange={(e) => setCompetitor(e.target.value)}>
            <option value="">—</option>
            {roster.competitors.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {names.competitor(candidate.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={declare} disabled={!expert || !competitor}>
          {t('conflicts.declare')}
        </button>
      </div>
    </>
  );
}
