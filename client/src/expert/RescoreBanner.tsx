import { useTranslation } from 'react-i18next';
import { fullName } from '@ashyq/shared';
import type { ExpertView, RescoreRequest, SeenRescore } from './view';

/** The chief expert's re-score requests, on top of every screen until the judge has scored again. */
export function RescoreBanner({
  view,
  requests,
  onOpen,
}: {
  view: ExpertView;
  requests: readonly SeenRescore[];
  onOpen: (request: RescoreRequest) => void;
}) {
  const { t } = useTranslation('expert');
  if (requests.length === 0) return null;
  return (
    <section className="rescore-banner" role="alert">
      <h2>{t('rescore.banner')}</h2>
      <ul>
        {requests.map((request) => {
          const person = view.competitors.find((c) => c.id === request.competitor);
          return (
            <li key={`${request.competitor}|${request.aspect}`}>
              <button type="button" onClick={() => onOpen(request)}>
                ↻ {person ? fullName(person.name) : request.competitor} · {request.aspect}
              </button>
              {request.reason && <span>{t('rescore.reason', { reason: request.reason })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
