import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubCriterionProgress } from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import {
  blockersFromDetails,
  formatTime,
  groupBlockers,
  pendingSignOffs,
  percentMarked,
  type Blocker,
} from './view';
import { errorText } from '../lib/errors';
import { ApiRequestError, apiRequest } from '../lib/http';

/** Competitors listed in a refused lock before the list is cut short. */
const shownCompetitors = 12;

/** Locks, unlocks, sign-off and the marks summary of each sub-criterion. */
export function Locks(props: ConsoleProps) {
  const { t } = useTranslation('chief');
  return (
    <section className="chief-section" aria-labelledby="locks-title">
      <h2 id="locks-title">{t('locks.title')}</h2>
      <ul className="lock-list">
        {props.overview.progress.subCriteria.map((sub) => (
          <LockRow key={sub.subCriterion} sub={sub} {...props} />
        ))}
      </ul>
    </section>
  );
}

interface Refusal {
  message: string;
  blockers: Blocker[];
}

function LockRow({
  sub,
  competitionId,
  names,
  overview,
  confirm,
  mayUnlock,
}: ConsoleProps & { sub: SubCriterionProgress }) {
  const { t } = useTranslation('chief');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const id = sub.subCriterion;
  const lock = overview.locks.find((candidate) => candidate.subCriterion === id);
  const panel = overview.panels[id] ?? [];
  const notSigned = pendingSignOffs(overview, id);
  const waiting = overview.blockers[id]?.length ?? 0;
  const base = `${chiefBase(competitionId)}/sub-criteria/${id}`;

  const lockIt = () =>
    confirm({
      title: t('locks.lockTitle', { subCriterion: id }),
      body: <p>{t('locks.lockBody')}</p>,
      confirmLabel: t('locks.lock'),
      run: async () => {
        setRefusal(null);
        try {
          await apiRequest('POST', `${base}/lock`);
        } catch (error) {
          const blockers =
            error instanceof ApiRequestError ? blockersFromDetails(error.details) : [];
          if (blockers.length === 0) throw error;
          setRefusal({ message: errorText(error), blockers });
        }
      },
    });
  const unlockIt = () =>
    confirm({
      title: t('locks.unlockTitle', { subCriterion: id }),
      body: <p>{t('locks.unlockBody')}</p>,
      confirmLabel: t('locks.unlock'),
      reason: 'required',
      danger: true,
      run: async (reason) => {
        await apiRequest('POST', `${base}/unlock`, { reason });
      },
    });

  return (
    <li className="lock-row" data-sub-criterion={id} data-locked={sub.locked}>
      <div className="lock-head">
        <h3>
          {id} {names.subCriterionName(id)}
        </h3>
        <span className="tag">
          {t('progress.day', { day: sub.day })} ·{' '}
          {t('locks.marked', { percent: percentMarked(sub.marked, sub.required) })}
        </span>
        <span className={`lock-state ${sub.locked ? 'is-locked' : 'is-open'}`}>
          {sub.locked && lock?.at
            ? t('locks.lockedBy', {
                at: formatTime(lock.at),
                actor: names.expert(lock.actor ?? ''),
              })
            : waiting > 0
              ? t('locks.blockedBy', {
                  reasons: blockerCounts(overview.blockers[id] ?? [])
                    .map(
                      ([reason, count]) =>
                        `${count} ${t(`locks.blocker.${reason}`, { defaultValue: reason })}`,
                    )
                    .join(', '),
                })
              : t('locks.ready')}
        </span>
        <div className="actions">
          {sub.locked ? (
            mayUnlock ? (
              <button type="button" className="danger" onClick={unlockIt}>
                {t('locks.unlock')}
              </button>
            ) : (
              <span className="note">{t('locks.unlockChiefOnly')}</span>
            )
          ) : (
            // Prominent only when the lock can succeed; otherwise it stays to show why not.
            <button type="button" className={waiting > 0 ? undefined : 'primary'} onClick={lockIt}>
              {t('locks.lock')}
            </button>
          )}
        </div>
      </div>
      {refusal && !sub.locked && (
        <div className="refusal" role="alert">
          <p>
            <strong>{refusal.message}</strong>
          </p>
          <ul>
            {groupBlockers(refusal.blockers)
              .slice(0, shownCompetitors)
              .map(([competitor, blockers]) => (
                <li key={competitor}>
                  <strong>{names.competitor(competitor)}</strong>:{' '}
                  {blockers
                    .map(
                      (blocker) =>
                        `${blocker.aspect} (${t(`locks.blocker.${blocker.reason}`, { defaultValue: blocker.reason })})`,
                    )
                    .join(', ')}
                </li>
              ))}
          </ul>
          {groupBlockers(refusal.blockers).length > shownCompetitors && (
            <p>
              {t('locks.more', {
                count: groupBlockers(refusal.blockers).length - shownCompetitors,
              })}
            </p>
          )}
        </div>
      )}
      {sub.locked && lock && (
        <div className="sign-offs">
          <p>
            {t('locks.signedOff', { signed: lock.signOffs.length, total: panel.length })}
            {lock.signOffs.length > 0 &&
              `: ${lock.signOffs.map((s) => `${names.expert(s.expert)} (${formatTime(s.at)})`).join(', ')}`}
          </p>
          {notSigned.length > 0 && (
            <p className="not-signed">
              {t('locks.notSigned', { experts: notSigned.map(names.expert).join(', ') })}
            </p>
          )}
          <p className="summary-links">
            {t('locks.summary')}:{' '}
            <a href={`${base}/summary.pdf?lang=kk`} target="_blank" rel="noreferrer">
              {t('locks.summaryKk')}
            </a>{' '}
            <a href={`${base}/summary.pdf?lang=ru`} target="_blank" rel="noreferrer">
              {t('locks.summaryRu')}
            </a>
          </p>
        </div>
      )}
    </li>
  );
}

/** What holds a lock back, counted by reason ("1 open discrepancy, 3 not marked"). */
function blockerCounts(blockers: readonly { reason: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const blocker of blockers) counts.set(blocker.reason, (counts.get(blocker.reason) ?? 0) + 1);
  return [...counts.entries()];
}
