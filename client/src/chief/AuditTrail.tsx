import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import type { EventPage, StoredEvent, Verification } from './types';
import {
  auditQuery,
  eventSubjects,
  formatTime,
  isFiltered,
  noFilter,
  mergeEvents,
  readLatest,
  type AuditFilter,
  type Names,
} from './view';
import { errorText } from '../lib/errors';
import { apiRequest } from '../lib/http';

/** Event kinds the filter offers; the log may hold others, which still show unfiltered. */
const kinds = [
  'mark.recorded',
  'mark.superseded',
  'mark.withdrawn',
  'discrepancy.resolved',
  'rescore.requested',
  'subCriterion.locked',
  'subCriterion.unlocked',
  'subCriterion.signedOff',
  'competitor.registered',
  'competitor.status',
  'competitor.renamed',
  'panel.set',
  'conflict.declared',
  'results.published',
];
/** A narrowed view asks the server for at most this many of the latest matching events. */
const filteredLimit = 2_000;

/** How long a narrowed view waits after a push before asking the server again. */
const refreshDelayMs = 1_000;
/** Rows drawn at first; the log of a full competition runs to thousands. */
const pageSize = 200;

/**
 * Every event of the competition, newest first, narrowed by expert, aspect, competitor and kind
 * (the server filters, so the view and `GET .../events` agree), with the hash chain's check.
 */
export function AuditTrail({
  competitionId,
  roster,
  names,
  events,
}: ConsoleProps & { events: StoredEvent[] }) {
  const { t } = useTranslation('chief');
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const [filtered, setFiltered] = useState<StoredEvent[] | null>(null);
  /** Where the next page back ends, for a narrowed view whose older matches are not read yet. */
  const [before, setBefore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(pageSize);
  const narrowed = isFiltered(filter);
  const head = events.at(-1)?.seq ?? 0;

  const asked = useRef<AuditFilter | null>(null);
  useEffect(() => {
    if (!narrowed) return setFiltered(null);
    let current = true;
    // A new filter is asked at once; while marks pour in, a narrowed view follows the log at
    // most once a second instead of once per push.
    const delay = asked.current === filter ? refreshDelayMs : 0;
    asked.current = filter;
    const timer = setTimeout(() => {
      apiRequest<EventPage>(
        'GET',
        `${chiefBase(competitionId)}/events${auditQuery(filter, filteredLimit)}`,
      ).then(
        (reply) => {
          if (!current) return;
          setFiltered((old) => {
            const read = readLatest(delay > 0 ? old : null, reply);
            if (read.before !== undefined) setBefore(read.before);
            return read.events;
          });
          setError(null);
        },
        (failure: unknown) => current && setError(errorText(failure)),
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [competitionId, filter, narrowed, head]);

  const list = narrowed ? (filtered ?? []) : events;
  const newestFirst = list.slice(-shown).reverse();
  const set = (key: keyof AuditFilter) => (value: string) => {
    setShown(pageSize);
    setFiltered(null);
    setFilter((current) => ({ ...current, [key]: value }));
  };
  /** The page of matching events before `before`, asked of the server when all read are shown. */
  async function readEarlier(before: number) {
    try {
      const reply = await apiRequest<EventPage>(
        'GET',
        `${chiefBase(competitionId)}/events${auditQuery(filter, filteredLimit)}&before=${before}`,
      );
      if (asked.current !== filter) return;
      setFiltered((old) => mergeEvents(reply.events, old ?? []));
      setBefore(reply.nextBefore);
      setShown((n) => n + pageSize);
    } catch (failure) {
      setError(errorText(failure));
    }
  }
  const aspects = roster.scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects));

  return (
    <section className="chief-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <VerificationStatus competitionId={competitionId} />
      <div className="audit-filters">
        <FilterSelect
          label={t('audit.expert')}
          value={filter.expert}
          onChange={set('expert')}
          options={roster.experts.map((e) => [e.id, names.expert(e.id)])}
        />
        <FilterSelect
          label={t('audit.competitor')}
          value={filter.competitor}
          onChange={set('competitor')}
          options={roster.competitors.map((c) => [c.id, names.competitor(c.id)])}
        />
        <FilterSelect
          label={t('audit.aspect')}
          value={filter.aspect}
          onChange={set('aspect')}
          options={aspects.map((a) => [a.code, `${a.code} ${a.description}`])}
        />
        <FilterSelect
          label={t('audit.kind')}
          value={filter.type}
          onChange={set('type')}
          options={kinds.map((kind) => [kind, t(`kinds.${kind}`, { defaultValue: kind })])}
        />
        {narrowed && (
          <button type="button" onClick={() => setFilter(noFilter)}>
            {t('audit.clear')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="note" aria-live="polite">
        {t('audit.count', { count: list.length })}
      </p>
      <div className="audit-scroll">
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.kind')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((event) => (
              <tr key={event.seq} data-type={event.type}>
                <td className="number">{event.seq}</td>
                <td>{formatTime(event.at)}</td>
                <td>{t(`kinds.${event.type}`, { defaultValue: event.type })}</td>
                <td>{event.actor === 'system' ? t('audit.system') : names.expert(event.actor)}</td>
                <td>
                  <EventDetails event={event} names={names} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length > shown ? (
        <button type="button" onClick={() => setShown((n) => n + pageSize)}>
          {t('audit.more')}
        </button>
      ) : (
        narrowed &&
        before !== null && (
          <button type="button" onClick={() => void readEarlier(before)}>
            {t('audit.more')}
          </button>
        )
      )}
    </section>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  const { t } = useTranslation('chief');
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('audit.any')}</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function EventDetails({ event, names }: { event: StoredEvent; names: Names }) {
  const { t } = useTranslation('chief');
  const s = eventSubjects(event);
  const parts: string[] = [];
  if (s.competitor) parts.push(s.name ?? names.competitor(s.competitor));
  if (s.subCriterion) parts.push(s.subCriterion);
  if (s.aspect) parts.push(s.aspect);
  if (s.expert && s.expert !== event.actor) parts.push(names.expert(s.expert));
  if (s.score !== undefined) parts.push(t('audit.value', { value: s.score }));
  if (s.status) parts.push(t(`status.${s.status}`, { defaultValue: s.status }));
  if (s.experts) parts.push(s.experts.map(names.expert).join(', '));
  return (
    <>
      {parts.join(' · ')}
      {s.reason && (
        <span className="reason-text">
          {' '}
          — {t('audit.reason')}: {s.reason}
        </span>
      )}
    </>
  );
}

/**
 * The hash chain's check. It reads the whole log, so it runs when the trail opens and when the
 * chief asks again, not on every mark; the answer says how many events it covered.
 */
function VerificationStatus({ competitionId }: { competitionId: string }) {
  const { t } = useTranslation('chief');
  const [result, setResult] = useState<Verification | 'failed' | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setResult(null);
    apiRequest<Verification>(
      'GET',
      `/api/public/competitions/${encodeURIComponent(competitionId)}/log/verify`,
    ).then(
      (reply) => current && setResult(reply),
      () => current && setResult('failed'),
    );
    return () => {
      current = false;
    };
  }, [competitionId, round]);
  const text =
    result === null
      ? t('audit.verifying')
      : result === 'failed'
        ? t('audit.verifyFailed')
        : result.ok
          ? t('audit.verified', { count: result.events ?? result.checked ?? '?' })
          : result.reason === 'snapshot_altered'
            ? t('audit.snapshotAltered', { count: result.events, seq: result.snapshotSeq })
            : result.reason === 'state_mismatch'
              ? t('audit.stateMismatch', { count: result.events })
              : t('audit.broken', { seq: result.firstBadSeq ?? '?' });
  const state = result === null ? '' : result !== 'failed' && result.ok ? 'good' : 'bad';
  return (
    <div className={`verification ${state}`}>
      <p role="status">{text}</p>
      <button type="button" onClick={() => setRound((n) => n + 1)} disabled={result === null}>
        {t('audit.verifyAgain')}
      </button>
    </div>
  );
}
