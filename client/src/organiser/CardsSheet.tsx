import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Expert,
  IssuedCredentialReply,
  SignInLinkQrInput,
  SignInLinkQrReply,
} from '@ashyq/shared';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';

interface Card {
  expert: Expert;
  pin: string;
  qrSvg: string;
}

/**
 * Issues a fresh PIN and QR link for every expert of the competition and lays them out as an
 * A4 sheet of cut-out cards. The PINs exist only on this page: the server keeps fingerprints.
 */
export function CardsSheet({
  competitionId,
  competitionName,
  experts,
  onClose,
}: {
  competitionId: string;
  competitionName: string;
  experts: Expert[];
  onClose: () => void;
}) {
  const { t } = useTranslation('organiser');
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issued = useRef(false);

  useEffect(() => {
    // Issuing revokes the previous credential: StrictMode's second run must not issue twice.
    if (issued.current) return;
    issued.current = true;
    const base = `/api/chief/competitions/${competitionId}`;
    (async () => {
      const made: Card[] = [];
      for (const expert of experts) {
        const credential = await apiRequest<IssuedCredentialReply>(
          'POST',
          `${base}/credentials/${expert.id}`,
        );
        const body: SignInLinkQrInput = { token: credential.linkToken };
        const qr = await apiRequest<SignInLinkQrReply>('POST', `${base}/credential-qr`, body);
        made.push({ expert, pin: credential.pin, qrSvg: qr.svg });
      }
      setCards(made);
    })().catch(setError);
  }, [competitionId, experts]);

  return (
    <div className="org-cards-page">
      <div className="org-no-print">
        <button type="button" onClick={onClose}>
          {t('cards.back')}
        </button>{' '}
        <button type="button" className="primary" onClick={() => window.print()} disabled={!cards}>
          {t('cards.print')}
        </button>
        <p>{t('people.cardsHint')}</p>
        <ErrorReport error={error} />
      </div>
      <h1>{t('cards.title', { competition: competitionName })}</h1>
      {!cards && !error && <p>{t('loading')}</p>}
      <div className="org-cards">
        {cards?.map((card) => (
          <article key={card.expert.id} className="org-card signin-card">
            <div className="org-card-qr" dangerouslySetInnerHTML={{ __html: card.qrSvg }} />
            <div>
              <strong>
                {card.expert.name.last} {card.expert.name.first}
              </strong>
              <div>{t(`role.${card.expert.role}`)}</div>
              <div>
                {t('cards.competition')}: <code>{competitionId}</code>
              </div>
              <div className="org-card-pin signin-card-pin">
                {t('cards.pin')}: <span>{card.pin}</span>
              </div>
            </div>
          </article>
        ))}
      </div>
    </div>
  );
}
