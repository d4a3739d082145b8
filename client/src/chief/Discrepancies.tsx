import { useTranslation } from 'react-i18next';
import type { OpenDiscrepancy } from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { formatTime } from './view';
import { apiRequest } from '../lib/http';

/**
 * Open judge discrepancies: the panel's scores by name, and the two ways out the rules allow,
 * a re-score by the panel or the chief's resolution with a reason.
 */
export function Discrepancies(props: ConsoleProps) {
  const { t } = useTranslation('chief');
  const { overview } = props;
  return (
    <section className="chief-section" aria-labelledby="discrepancies-title">
      <h2 id="discrepancies-title">{t('discrepancies.title')}</h2>
      {overview.openDiscrepancies.length === 0 && <p className="note">{t('discrepancies.none')}</p>}
      <ul className="discrepancy-list">
        {overview.openDiscrepancies.map((discrepancy) => (
          <DiscrepancyItem
            key={`${discrepancy.competitor}|${discrepancy.aspect}`}
            discrepancy={discrepancy}
            {...props}
          />
        ))}
      </ul>
    </section>
  );
}

function DiscrepancyItem({
  discrepancy,
  competitionId,
  names,
  overview,
  confirm,
}: ConsoleProps & { discrepancy: OpenDiscrepancy }) {
  const { t } = useTranslation('chief');
  const { competitor, aspect } = discrepancy;
  const described = names.aspect(aspect);
  const request = overview.rescoreRequests.find(
    (candidate) => candidate.competitor === competitor && candidate.aspect === aspect,
  );
  const heading = `${names.competitor(competitor)} · ${aspect}`;

  const askRescore = () =>
    confirm({
      title: t('discrepancies.rescoreTitle'),
      body: <p>{heading}</p>,
      confirmLabel: t('discrepancies.rescore'),
      reason: 'optional',
      run: async (reason) => {
        await apiRequest('POST', `${chiefBase(competitionId)}/rescore-requests`, {
          competitorId: competitor,
          aspect,
          ...(reason ? { reason } : {}),
        });
      },
    });
  const resolve = () =>
    confirm({
      title: t('discrepancies.resolveTitle'),
      body: <p>{heading}</p>,
      confirmLabel: t('discrepancies.resolve'),
      reason: 'required',
      run: async (reason) => {
        await apiRequest('POST', `${chiefBase(competitionId)}/discrepancies/resolve`, {
          competitorId: competitor,
          aspect,
          reason,
        });
      },
    });

  return (
    <li className="chief-discrepancy" data-competitor={competitor} data-aspect={aspect}>
      <h3>{heading}</h3>
      {described && <p className="aspect-description">{described.description}</p>}
      <p>
        {t('discrepancies.spread', { spread: discrepancy.spread })}:{' '}
        {discrepancy.scores
          .map((score) =>
            t('discrepancies.score', { expert: names.expert(score.expert), score: score.score }),
          )
          .join('; ')}
      </p>
      {request && (
        <p className="rescore-pending">
          {t('discrepancies.rescoreRequested', { at: formatTime(request.at) })}{' '}
          {request.pending.length > 0 &&
            t('discrepancies.waitingFor', {
              experts: request.pending.map(names.expert).join(', '),
            })}
          {request.reason && <> · {request.reason}</>}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={askRescore}>
          {t('discrepancies.rescore')}
        </button>
        <button type="button" className="primary" onClick={resolve}>
          {t('discrepancies.resolve')}
        </button>
      </div>
    </li>
  );
}
