import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { filterOptions, filterRows, noFilter, type Board, type RowFilter } from '@ashyq/shared';
import { BoardState, BoardTable, CriteriaLegend } from '../boards/BoardTable';
import { useBoardRoom } from '../boards/useBoardRoom';
import { localized } from '../lib/localized';
import { useLanguage } from '../lib/language';

/** A competition's public board, live over /board (HTTP while the socket is down). */
export function BoardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const {
    data: board,
    live,
    lost,
    missing,
    updatedAt,
  } = useBoardRoom<Board>(
    { competitionId: id },
    `/api/public/competitions/${encodeURIComponent(id)}/board`,
  );
  const [filter, setFilter] = useState<RowFilter>(noFilter);
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
          <BoardState board={board} live={live} lost={lost} updatedAt={updatedAt} />
          {board.rows && (
            <>
              <RowSearch board={board} filter={filter} onChange={setFilter} />
              <BoardTable board={board} rows={filterRows(board.rows, filter)} />
              <CriteriaLegend board={board} />
            </>
          )}
        </>
      )}
    </main>
  );
}

/**
 * Search by name, college or region, and pick a region or a college: on a phone a spectator
 * looks for the one competitor they came for. Says how many rows are shown.
 */
function RowSearch({
  board,
  filter,
  onChange,
}: {
  board: Board;
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
}) {
  const { t } = useTranslation('board');
  const rows = board.rows ?? [];
  const language = useLanguage();
  const { regions, colleges } = filterOptions(rows, language);
  const shown = filterRows(rows, filter).length;
  const filtered = filter.query.trim() !== '' || filter.regionId || filter.collegeId;
  const id = useId();
  return (
    <form className="row-search" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field search">
        <label htmlFor={`${id}-query`}>{t('filter.search')}</label>
        <input
          id={`${id}-query`}
          type="search"
          placeholder={t('filter.hint')}
          value={filter.query}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </div>
      {regions.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('filter.region')}</label>
          <select
            id={`${id}-region`}
            value={filter.regionId ?? ''}
            onChange={(event) => onChange({ ...filter, regionId: event.target.value || null })}
          >
            <option value="">{t('filter.allRegions')}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {colleges.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-college`}>{t('filter.college')}</label>
          <select
            id={`${id}-college`}
            value={filter.collegeId ?? ''}
            onChange={(event) => onChange({ ...filter, collegeId: event.target.value || null })}
          >
            <option value="">{t('filter.allColleges')}</option>
            {colleges.map((college) => (
              <option key={college.id} value={college.id}>
                {college.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {filtered && (
        <p className="search-count" role="status">
          {shown === 0 ? t('filter.nobody') : t('filter.shown', { shown, count: rows.length })}{' '}
          <button type="button" onClick={() => onChange(noFilter)}>
            {t('filter.clear')}
          </button>
        </p>
      )}
    </form>
  );
}
