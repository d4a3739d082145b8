import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isLanguage, type Board, type ChampionshipOverview, type Language } from '@ashyq/shared';
import { BoardState, BoardTable } from './BoardTable';
import { localized } from './format';
import { useBoardRoom } from './useBoardRoom';

/** Rows that fit a 1080-pixel screen in the big type. */
const rowsOnScreen = 10;

/**
 * The hall's TV (1920x1080): one competition at a time in large type, rotating every
 * `?seconds=` (default 20), alternating the languages in `?langs=` (default kk,ru) at each turn.
 * The language is switched for this screen only, not remembered as the visitor's choice.
 */
export function BigScreen() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation('board');
  const seconds = Math.max(5, Number(search.get('seconds')) || 20);
  const langs = (search.get('langs') ?? 'kk,ru').split(',').filter(isLanguage) as Language[];
  const { data: overview } = useBoardRoom<ChampionshipOverview>(
    { championshipId: id },
    `/api/public/championships/${encodeURIComponent(id)}/overview`,
  );
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTurn((n) => n + 1), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  const langKey = langs.join(',');
  useEffect(() => {
    const list = langKey.split(',') as Language[];
    if (list.length > 0) void i18next.changeLanguage(list[turn % list.length]);
  }, [turn, langKey]);

  const all = overview?.competitions ?? [];
  // Competitions not started yet have nothing to show; they join the rotation once marked.
  const started = all.filter((c) => c.status !== 'not_started');
  const competitions = started.length > 0 ? started : all;
  const current = competitions.length > 0 ? competitions[turn % competitions.length]! : undefined;
  return (
    <main className="big-screen">
      <header>
        <span>{overview ? localized(overview.name, i18n.language) : t('loading')}</span>
        <span className="dots" aria-hidden="true">
          {competitions.map((c, i) => (
            <span key={c.id} className={i === turn % competitions.length ? 'dot on' : 'dot'} />
          ))}
        </span>
      </header>
      {current && <BigBoard key={current.id} competitionId={current.id} />}
    </main>
  );
}

function BigBoard({ competitionId }: { competitionId: string }) {
  const { t, i18n } = useTranslation('board');
  const {
    data: board,
    live,
    lost,
  } = useBoardRoom<Board>(
    { competitionId },
    `/api/public/competitions/${encodeURIComponent(competitionId)}/board`,
  );
  if (!board) return <p className="big-wait">{t('loading')}</p>;
  const shown = board.rows ? { ...board, rows: board.rows.slice(0, rowsOnScreen) } : board;
  return (
    <section className="big-board">
      <h1>
        <span className="skill-number">{t('skill', { number: board.skill.number })}</span>{' '}
        {localized(board.skill.name, i18n.language)}
      </h1>
      <BoardState board={board} live={live} lost={lost} />
      {shown.rows && <BoardTable board={shown} linkRows={false} />}
    </section>
  );
}
