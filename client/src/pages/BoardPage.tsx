import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Board } from '@ashyq/shared';
import { BoardState, BoardTable } from '../boards/BoardTable';
import { useBoardRoom } from '../boards/useBoardRoom';
import { localized } from '../lib/localized';

/** A competition's public board, live over /board (HTTP while the socket is down). */
export function BoardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const {
    data: board,
    live,
    lost,
    missing,
  } = useBoardRoom<Board>(
    { competitionId: id },
    `/api/public/competitions/${encodeURIComponent(id)}/board`,
  );
  return (
    <main className="page board">
      <Link to={board ? `/championships/${board.championshipId}` : '/'}>← {t('overview')}</Link>
      {missing && <p role="alert">{t('notFound')}</p>}
      {!board && !missing && <p role="status">{t('loading')}</p>}
      {board && (
        <>
          <h1>
            <span className="skill-number">{t('skill', { number: board.skill.number })}</span>{' '}
            {localized(board.skill.name, i18n.language)}
          </h1>
          <BoardState board={board} live={live} lost={lost} />
          {board.rows && <BoardTable board={board} />}
        </>
      )}
    </main>
  );
}
