import i18next from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import {
  isLanguage,
  nextScreenSlot,
  screenPages,
  type Board,
  type ChampionshipOverview,
  type Language,
} from '@ashyq/shared';
import { BoardState, BoardTable } from './BoardTable';
import { useBoardRoom } from './useBoardRoom';
import { localized } from '../lib/localized';

/**
 * Rows on one page at most: at 1080 pixels, in type read from the back of a hall, each row
 * keeps a line for the name and up to two for the college and region under it. The rows of a
 * competition are shared out evenly between its pages (`screenPages`).
 */
const rowsOnScreen = 8;

/**
 * The hall's TV (1920x1080): one competition at a time in large type, a page of rows at a time,
 * turning every `?seconds=` (default 20) to the next page or, after the last, to the next
 * competition, and alternating the languages in `?langs=` (default kk,ru) at each turn.
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
  const [slot, setSlot] = useState({ turn: 0, competition: 0, page: 0 });
  // How many pages each competition's board has, as its board last reported it.
  const pages = useRef(new Map<string, number>());
  const rotation = useRef<string[]>([]);
  useEffect(() => {
    const timer = setInterval(
      () =>
        setSlot((s) => {
          const ids = rotation.current;
          const shown = ids.length > 0 ? ids[s.competition % ids.length]! : '';
          return nextScreenSlot(s, pages.current.get(shown) ?? 1);
        }),
      seconds * 1000,
    );
    return () => clearInterval(timer);
  }, [seconds]);
  const reportPages = useCallback((competitionId: string, count: number) => {
    pages.current.set(competitionId, count);
  }, []);
  const turn = slot.turn;
  const langKey = langs.join(',');
  useEffect(() => {
    const list = langKey.split(',') as Language[];
    if (list.length === 0) return;
    const shown = list[turn % list.length]!;
    // The page's language follows the screen's, so assistive technology and hyphenation agree.
    document.documentElement.lang = shown;
    void i18next.changeLanguage(shown);
  }, [turn, langKey]);

  const all = overview?.competitions ?? [];
  // Competitions not started yet have nothing to show; they join the rotation once marked.
  const started = all.filter((c) => c.status !== 'not_started');
  const competitions = started.length > 0 ? started : all;
  const index = competitions.length > 0 ? slot.competition % competitions.length : 0;
  const current = competitions[index];
  const rotationKey = competitions.map((c) => c.id).join(',');
  useEffect(() => {
    rotation.current = rotationKey ? rotationKey.split(',') : [];
  }, [rotationKey]);
  return (
    <main className="big-screen">
      <header>
        <span>{overview ? localized(overview.name, i18n.language) : t('loading')}</span>
        <span className="dots" aria-hidden="true">
          {competitions.map((c, i) => (
            <span key={c.id} className={i === index ? 'dot on' : 'dot'} />
          ))}
        </span>
      </header>
      {current && (
        <BigBoard
          key={current.id}
          competitionId={current.id}
          page={slot.page}
          onPages={reportPages}
        />
      )}
    </main>
  );
}

function BigBoard({
  competitionId,
  page,
  onPages,
}: {
  competitionId: string;
  page: number;
  onPages: (competitionId: string, count: number) => void;
}) {
  const { t, i18n } = useTranslation('board');
  const {
    data: board,
    live,
    lost,
    updatedAt,
  } = useBoardRoom<Board>(
    { competitionId },
    `/api/public/competitions/${encodeURIComponent(competitionId)}/board`,
  );
  const pages = board?.rows ? screenPages(board.rows, rowsOnScreen) : [];
  useEffect(() => onPages(competitionId, pages.length), [competitionId, pages.length, onPages]);
  if (!board) return <p className="big-wait">{t('loading')}</p>;
  // A board that shrank since the turn began shows its last page.
  const shownPage = Math.min(page, Math.max(pages.length - 1, 0));
  const rows = pages[shownPage] ?? [];
  const from = pages.slice(0, shownPage).reduce((sum, p) => sum + p.length, 0) + 1;
  return (
    <section className="big-board">
      <div className="big-top">
        <div className="big-title">
          <h1>
            <span className="skill-number">{t('skill', { number: board.skill.number })}</span>{' '}
            {localized(board.skill.name, i18n.language)}
          </h1>
          <BoardState board={board} live={live} lost={lost} updatedAt={updatedAt} />
        </div>
        <figure className="big-qr">
          <img
            src={`/api/public/competitions/${encodeURIComponent(competitionId)}/qr.svg`}
            alt={t('qrCode')}
            width={176}
            height={176}
          />
          <figcaption>{t('followOnPhone')}</figcaption>
        </figure>
      </div>
      <div className="big-table">
        {board.rows && <BoardTable board={board} rows={rows} linkRows={false} big />}
      </div>
      {pages.length > 1 && (
        <p className="screen-page">
          {t('screenPage', {
            from,
            to: from + rows.length - 1,
            count: board.rows!.length,
          })}
        </p>
      )}
    </section>
  );
}
