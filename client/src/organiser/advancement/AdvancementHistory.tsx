import { useTranslation } from 'react-i18next';
import {
  almatyStamp,
  fullName,
  type AdvancementHistoryReply,
  type Championship,
} from '@ashyq/shared';
import { rulesInWords } from '../advancement-view';
import { ErrorReport } from '../../lib/errors';
import { localized } from '../../lib/localized';
import type { Loaded } from '../../lib/resource';
import { useLanguage } from '../../lib/language';

/** The decisions taken so far: when, to which championship, by which rules, with every change. */
export function AdvancementHistory({
  history,
  championships,
  names,
}: {
  history: Loaded<AdvancementHistoryReply>;
  championships: readonly Championship[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <>
      <h2>{t('advancement.history')}</h2>
      {history.state === 'failed' && <ErrorReport error={history.error} />}
      {history.state === 'ready' && history.data.advancements.length === 0 && (
        <p>{t('advancement.noHistory')}</p>
      )}
      {history.state === 'ready' && history.data.advancements.length > 0 && (
        <ul>
          {history.data.advancements.map((decision) => {
            const targetName = championships.find((c) => c.id === decision.targetChampionshipId);
            return (
              <li key={decision.id}>
                <strong>
                  {t('advancement.decision', {
                    at: almatyStamp(decision.at),
                    target: targetName
                      ? localized(targetName.name, lang)
                      : decision.targetChampionshipId,
                    sent: decision.sent.length,
                    created: decision.created.length,
                  })}
                </strong>
                <div className="org-muted">{rulesInWords(t, decision.rules, names)}</div>
                {decision.adjustments.length > 0 && (
                  <ul>
                    {decision.adjustments.map((adjustment) => (
                      <li key={`${adjustment.competitionId}/${adjustment.competitorId}`}>
                        {adjustment.name ? fullName(adjustment.name) : adjustment.competitorId} (
                        {names.get(adjustment.competitionId) ?? adjustment.competitionId}):{' '}
                        {t(
                          adjustment.action === 'include'
                            ? 'advancement.statusOf.included'
                            : 'advancement.statusOf.excluded',
                        )}{' '}
                        — {adjustment.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
