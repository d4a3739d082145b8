import { useTranslation } from 'react-i18next';
import type { ExamCredentialReply, ExamSession } from '@ashyq/shared';
import { localized } from '../lib/localized';

/** What a card prints of the credential route's answer: the PIN exists only there (the server keeps a fingerprint). */
export type IssuedCredential = Pick<ExamCredentialReply, 'pin' | 'link' | 'qrSvg'>;

/**
 * A cut-out card per member given a tablet PIN, printed together. The tablet's sign-in asks for a
 * competition code, and for an exam that is the session's id, which no other screen shows; the
 * QR code opens the sign-in link and needs neither.
 */
export function SignInCards({
  session,
  issued,
  onClose,
}: {
  session: ExamSession;
  issued: Record<string, IssuedCredential>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('exam');
  const members = session.commission.filter((member) => issued[member.id]);
  if (members.length === 0) return null;
  return (
    <section className="exam-cards" aria-label={t('office.card.title')}>
      <div className="exam-actions exam-no-print">
        <button type="button" className="exam-button primary" onClick={() => window.print()}>
          {t('office.card.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('office.card.close')}
        </button>
        <span className="exam-hint">{t('office.card.shownOnce')}</span>
      </div>
      <div className="exam-card-grid">
        {members.map((member) => {
          const credential = issued[member.id]!;
          const loginPage = `${new URL(credential.link).origin}/expert/login`;
          return (
            <article
              key={member.id}
              className="exam-card signin-card"
              aria-label={t('office.card.title')}
            >
              <img
                className="exam-card-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(credential.qrSvg)}`}
                alt={t('office.card.qrAlt')}
              />
              <div>
                <strong>
                  {member.name.last} {member.name.first} {member.name.middle ?? ''}
                </strong>
                <div>{t(`role.${member.role}`)}</div>
                <div className="exam-card-exam">
                  {session.protocolNumber ? `${session.protocolNumber} · ` : ''}
                  {session.qualification.code}{' '}
                  {localized(session.qualification.name, i18n.language)}
                </div>
                <p className="exam-card-how">{t('office.card.how', { page: loginPage })}</p>
                <div>
                  {t('office.card.code')}: <code data-sign-in-code>{session.id}</code>
                </div>
                <div className="exam-card-pin signin-card-pin">
                  {t('office.card.pin')}: <span data-pin>{credential.pin}</span>
                </div>
                <div className="exam-card-link">
                  {t('office.card.link')}: <code data-link>{credential.link}</code>
                </div>
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
