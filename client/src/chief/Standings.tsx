import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '@ashyq/shared';
import { BoardTable } from '../boards/BoardTable';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { errorText } from '../lib/errors';
import { apiRequest } from '../lib/http';

/**
 * The staff board: every figure as it stands, whatever the public board may show (publication
 * policy, freeze). Fetched again whenever the pushed overview moves on to a new log head.
 */
export function Standings({ competitionId, overview }: ConsoleProps) {
  const { t } = useTranslation(['chief', 'board']);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const head = overview.head.seq;

  useEffect(() => {
    let current = true;
    apiRequest<Board>('GET', `${chiefBase(competitionId)}/board`).then(
      (reply) => current && (setBoard(reply), setError(null)),
      (failure: unknown) =>
        current && setError(`${t('standings.loadFailed')} ${errorText(failure)}`),
    );
    return () => {
      current = false;
    };
  }, [competitionId, head, t]);

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
