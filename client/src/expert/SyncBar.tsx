import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fullName } from '@ashyq/shared';
import type { MarkQueue } from './queue';
import { sessionEnded } from './socket-transport';
import { useOnline, useQueuedMarks } from './useMarkQueue';
import type { ExpertView } from './view';
import { signOut } from '../lib/sign-out';
import { localized } from '../lib/localized';

/**
 * The bar on top of the grid: who is signed in on this tablet and to which competition, whether
 * the marks reach the server, and the way out (with a warning while marks wait on the tablet).
 */
export function SyncBar({ view, queue }: { view: ExpertView; queue: MarkQueue | null }) {
  const { t, i18n } = useTranslation('expert');
  const navigate = useNavigate();
  const online = useOnline();
  // Subscribed for the re-render: the counts and the send error below change with the queue.
  useQueuedMarks(queue);
  const pending = queue?.pendingCount() ?? 0;
  const error = queue?.sendError();
  const ended = sessionEnded(error);
  const skill = view.competition.skill;

  async function leave() {
    // Marks not yet on the server wait on this tablet for this expert's next sign-in: say so
    // before leaving, so nobody hands the tablet over believing everything was sent.
    if (pending > 0 && !window.confirm(t('app.signOutUnsent', { count: pending }))) return;
    // Queued marks stay in this expert's store and are sent at its next sign-in; the view the
    // service worker kept goes, so the next expert never opens offline as this one.
    await Promise.allSettled([signOut(), globalThis.caches?.delete('ashyq-expert-view')]);
    await navigate('/expert/login', { replace: true });
  }

  return (
    <>
      <div className="expert-top">
        <header className="expert-who">
          <span>
            {t('app.signedInAs')}{' '}
            <strong>{view.expert.name ? fullName(view.expert.name) : view.expert.id}</strong>
          </span>
          {skill && (
            <span className="expert-skill">
              {skill.number} · {localized(skill.name, i18n.language)}
            </span>
          )}
          {view.expert.role === 'trainee' && (
            <span className="trainee-badge" role="note">
              {t('app.trainee')}
            </span>
          )}
        </header>
        <div className={`sync-bar ${online ? 'online' : 'offline'}`} role="status">
          <span>{online ? t('app.online') : t('app.offline')}</span>
          <span className="pending">
            {pending > 0 ? t('app.pending', { count: pending }) : t('app.allSaved')}
          </span>
          <button type="button" onClick={() => void leave()}>
            {t('app.signOut')}
          </button>
        </div>
      </div>
      {queue && !queue.durable && (
        <p className="session-ended" role="alert">
          {t('app.notDurable')}
        </p>
      )}
      {ended && (
        <p className="session-ended" role="alert">
          {t('app.sessionEnded')} <Link to="/expert/login">{t('app.signInAgain')}</Link>
        </p>
      )}
    </>
  );
}
