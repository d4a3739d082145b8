import { useTranslation } from 'react-i18next';
import type { Board } from '@ashyq/shared';
import { BoardTable } from '../boards/BoardTable';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { errorText } from '../lib/errors';
import { useAtLogHead } from './useAtLogHead';

/**
 * The staff board: every figure as it stands, whatever the public board may show (publication
 * policy, freeze). Fetched again whenever the pushed overview moves on to a new log head.
 */
export function Standings({ competitionId, overview }: ConsoleProps) {
  const { t } = useTranslation(['chief', 'board']);
  const { data: board, failure } = useAtLogHead<Board>(
    `${chiefBase(competitionId)}/board`,
    overview.head.seq,
  );
  const error = failure ? `${t('standings.loadFailed')} ${errorText(failure)}` : null;

  return (
    <section className="chief-section standings" aria-labelledby="standings-title">
      <h2 id="standings-title">{t('standings.title')}</h2>
      <p className="staff-only" role="note">
        {t('standings.staffOnly')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {board && (
        <>
          <p className="note">{board.published ? t('board:published') : t('board:provisional')}</p>
          <div className="standings-scroll">
            <BoardTable board={board} linkRows={false} />
          </div>
        </>
      )}
    </section>
  );
}
