import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  almatyStamp,
  blockersBySubCriterion,
  type LockState,
  type PublicationBlocker,
  type ResultsStage,
  type ListedCompetition,
} from '@ashyq/shared';
import { CeremonyControl } from './CeremonyControl';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useLanguage } from '../lib/language';

interface Overview {
  progress: { marked: number; required: number };
  openDiscrepancies: unknown[];
  locks: LockState[];
  published: { at: string } | null;
  stage: ResultsStage;
  /** What keeps the results from being published; the server refuses until it is empty. */
  publicationBlockers: PublicationBlocker[];
}

/** The sub-criteria still not locked or not signed off. */
const notReady = (overview: Overview) => blockersBySubCriterion(overview.publicationBlockers);

/** How often the overview asks again: a glance at the run, not a live board. */
const refreshMs = 10_000;

/**
 * Every competition's progress, open discrepancies, locks and sign-offs, from the chief
 * experts' overview (organisers in scope may read it), and publication per competition or for all.
 * Each competition links to its public board and to its chief expert console, which organisers
 * in scope may run too.
 */
export function RunOverview({ competitions }: { competitions: ListedCompetition[] }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [overviews, setOverviews] = useState<Record<string, Overview>>({});
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const running = competitions.filter((c) => c.hasScheme);
  const ids = running.map((c) => c.id).join(',');

  useEffect(() => {
    let live = true;
    const load = async () => {
      const entries = await Promise.all(
        ids
          .split(',')
          .filter(Boolean)
          .map(
            async (id) =>
              [
                id,
                await apiRequest<Overview>('GET', `/api/chief/competitions/${id}/overview`),
              ] as const,
          ),
      );
      if (live) setOverviews(Object.fromEntries(entries));
    };
    load().catch((failure: unknown) => live && setError(failure));
    const timer = setInterval(() => setRound((n) => n + 1), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ids, round]);

  const nameOf = (competition: ListedCompetition) =>
    `${competition.skill.number} ${competition.skill.name[lang] ?? competition.skill.name.ru}`;

  async function publish(targets: ListedCompetition[]) {
    const names = targets.map(nameOf).join(', ');
    if (!window.confirm(t('run.publishConfirm', { names, count: targets.length }))) return;
    setError(null);
    try {
      for (const { id } of targets) {
        await apiRequest('POST', `/api/chief/competitions/${id}/publish`);
      }
    } catch (failure) {
      setError(failure);
    }
    setRound((n) => n + 1);
  }

  const unpublished = running.filter(
    (c) =>
      overviews[c.id] && !overviews[c.id]!.published && notReady(overviews[c.id]!).length === 0,
  );
  return (
    <>
      <h2>{t('run.title')}</h2>
      <ErrorReport error={error} />
      <table className="org-table org-run">
        <thead>
          <tr>
            <th>{t('run.competition')}</th>
            <th>{t('run.progress')}</th>
            <th>{t('run.discrepancies')}</th>
            <th>{t('run.locks')}</th>
            <th>{t('run.signOffs')}</th>
            <th>{t('run.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {competitions.map((competition) => {
            const overview = overviews[competition.id];
            const name = nameOf(competition);
            if (!overview) {
              return (
                <tr key={competition.id}>
                  <td>{name}</td>
                  <td colSpan={6}>{competition.hasScheme ? t('loading') : t('run.noScheme')}</td>
                </tr>
              );
            }
            const { marked, required } = overview.progress;
            const locked = overview.locks.filter((lock) => lock.locked);
            const signOffs = locked.reduce((sum, lock) => sum + lock.signOffs.length, 0);
            const blockers = notReady(overview);
            return (
              <tr key={competition.id} data-competition={competition.id}>
                <td>{name}</td>
                <td>
                  <progress max={required || 1} value={marked} /> {marked} / {required}
                </td>
                <td className={overview.openDiscrepancies.length > 0 ? 'org-warn' : ''}>
                  {overview.openDiscrepancies.length}
                </td>
                <td>
                  {locked.length} / {overview.locks.length}
                </td>
                <td>{signOffs}</td>
                <td>
                  {t(`run.stage.${overview.stage}`, {
                    at: overview.published ? almatyStamp(overview.published.at) : '',
                  })}
                </td>
                <td>
                  {!overview.published &&
                    (blockers.length > 0 ? (
                      <details className="org-warn">
                        <summary>{t('run.notReady', { count: blockers.length })}</summary>
                        <ul>
                          {blockers.map((line) => (
                            <li key={line.subCriterion}>
                              {line.notLocked
                                ? t('run.blockerNotLocked', { subCriterion: line.subCriterion })
                                : t('run.blockerSignOffs', {
                                    subCriterion: line.subCriterion,
                                    count: line.signOffsMissing,
                                  })}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      <button type="button" onClick={() => void publish([competition])}>
                        {t('run.publish')}
                      </button>
                    ))}{' '}
                  <Link to={`/competitions/${competition.id}`}>{t('run.board')}</Link>{' '}
                  <Link to={`/chief/${competition.id}`}>{t('run.chief')}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unpublished.length > 1 && (
        <button type="button" className="primary" onClick={() => void publish(unpublished)}>
          {t('run.publishAll')}
        </button>
      )}
      <CeremonyControl competitions={running} />
    </>
  );
}
