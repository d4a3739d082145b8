import { useTranslation } from 'react-i18next';
import {
  formatMarks,
  getRegion,
  signedMarks,
  type JudgeFigures,
  type JudgesReply,
} from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { errorText } from '../lib/errors';
import { JudgesChart } from './JudgesChart';
import { useAtLogHead } from './useAtLogHead';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * How each judge marks, against the other judges on the same cells: staff only, never on a board
 * or a tablet, and never a change to any result. Fetched again when the log moves on.
 */
export function Judges({ competitionId, overview, lang, names }: ConsoleProps) {
  const { t } = useTranslation('chief');
  const { data: reply, failure } = useAtLogHead<JudgesReply>(
    `${chiefBase(competitionId)}/judges`,
    overview.head.seq,
  );
  const error = failure ? `${t('judges.loadFailed')} ${errorText(failure)}` : null;

  return (
    <section className="chief-section judges" aria-labelledby="judges-title">
      <h2 id="judges-title">{t('judges.title')}</h2>
      <p className="staff-only" role="note">
        {t('judges.staffOnly')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {reply && reply.judges.length === 0 && <p>{t('judges.none')}</p>}
      {reply && reply.judges.length > 0 && (
        <FiguresTable figures={reply.judges} group={reply.group} lang={lang} />
      )}
      {reply && reply.judges.length > 0 && <JudgesChart judges={reply.judges} lang={lang} />}
      <p className="note">{t('judges.how')}</p>
      {reply && (
        <>
          <h3 id="trainees-title">{t('judges.trainees.title')}</h3>
          <p className="note">{t('judges.trainees.note')}</p>
          {reply.trainees.length === 0 ? (
            <p>{t('judges.trainees.none')}</p>
          ) : (
            <FiguresTable
              figures={reply.trainees}
              group={reply.group}
              lang={lang}
              labelledBy="trainees-title"
            />
          )}
        </>
      )}
      {reply && <Rescores reply={reply} />}
      {reply && <Corrections reply={reply} names={names} />}
    </section>
  );
}

/** One row per judge (or trainee): lean, agreement, outliers and what they mean, with counts. */
function FiguresTable({
  figures,
  group,
  lang,
  labelledBy,
}: {
  figures: readonly (JudgeFigures & { name: string })[];
  group: JudgesReply['group'];
  lang: ConsoleProps['lang'];
  labelledBy?: string;
}) {
  const { t } = useTranslation('chief');
  const groupName = (id: string) => getRegion(id)?.name[lang] ?? id;
  return (
    <div className="standings-scroll">
      <table className="judges-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('judges.judge')}</th>
            <th scope="col">{t('judges.cells')}</th>
            <th scope="col">{t('judges.severity')}</th>
            <th scope="col">{t('judges.exact')}</th>
            <th scope="col">{t('judges.withinOne')}</th>
            <th scope="col">{t('judges.outlier')}</th>
            <th scope="col">{t('judges.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((judge) => (
            <tr
              key={judge.judge}
              data-judge={judge.judge}
              className={judge.smallSample ? 'small-sample' : (judge.flag ?? '')}
            >
              <th scope="row">
                {judge.name}
                {judge.byGroup.length > 0 && (
                  <details>
                    <summary>{t(`judges.by.${group}`)}</summary>
                    <ul>
                      {judge.byGroup.map((share) => (
                        <li key={share.group}>
                          {t('judges.groupLine', {
                            group: groupName(share.group),
                            mean: signedMarks(share.mean, lang),
                            n: share.n,
                          })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </th>
              <td className="num">{judge.cells}</td>
              <td className="num">
                {signedMarks(judge.severity.mean, lang)}{' '}
                <small>
                  {t('judges.spread', { spread: formatMarks(judge.severity.spread, lang) })}
                </small>
              </td>
              <td className="num">{percent(judge.exact)}</td>
              <td className="num">{percent(judge.withinOne)}</td>
              <td className="num">{judge.outlier}</td>
              <td>
                {judge.smallSample
                  ? t('judges.smallSample', { n: judge.cells })
                  : judge.flag
                    ? t(`judges.flag.${judge.flag}`, {
                        mean: signedMarks(judge.severity.mean, lang),
                      })
                    : t('judges.inLine')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Re-scores asked of each judge, answered, and how often the answer changed the score. */
function Rescores({ reply }: { reply: JudgesReply }) {
  const { t } = useTranslation('chief');
  return (
    <>
      <h3 id="rescores-title">{t('judges.rescores.title')}</h3>
      {reply.rescores.every((judge) => judge.asked === 0 && judge.ownChanges === 0) ? (
        <p>{t('judges.rescores.none')}</p>
      ) : (
        <div className="standings-scroll">
          <table className="rescores-table" aria-labelledby="rescores-title">
            <thead>
              <tr>
                <th scope="col">{t('judges.rescores.judge')}</th>
                <th scope="col">{t('judges.rescores.asked')}</th>
                <th scope="col">{t('judges.rescores.answered')}</th>
                <th scope="col">{t('judges.rescores.changed')}</th>
                <th scope="col">{t('judges.rescores.ownChanges')}</th>
              </tr>
            </thead>
            <tbody>
              {reply.rescores.map((judge) => (
                <tr key={judge.judge} data-judge={judge.judge}>
                  <th scope="row">{judge.name}</th>
                  <td className="num">{judge.asked}</td>
                  <td className="num">
                    {t('judges.rescores.ofN', { n: judge.answered, of: judge.asked })}
                  </td>
                  <td className="num">
                    {t('judges.rescores.ofN', { n: judge.changed, of: judge.answered })}
                  </td>
                  <td className="num">{judge.ownChanges}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="note">{t('judges.rescores.how')}</p>
    </>
  );
}

/** Measurements a teammate corrected or withdrew: whose, by whom and why. */
function Corrections({ reply, names }: { reply: JudgesReply; names: ConsoleProps['names'] }) {
  const { t } = useTranslation('chief');
  const corrected = reply.measurements.filter((expert) => expert.corrected > 0);
  return (
    <>
      <h3 id="corrections-title">{t('judges.corrections.title')}</h3>
      {corrected.length === 0 ? (
        <p>{t('judges.corrections.none')}</p>
      ) : (
        <div className="standings-scroll">
          <table className="corrections-table" aria-labelledby="corrections-title">
            <thead>
              <tr>
                <th scope="col">{t('judges.corrections.expert')}</th>
                <th scope="col">{t('judges.corrections.corrected')}</th>
                <th scope="col">{t('judges.corrections.self')}</th>
                <th scope="col">{t('judges.corrections.by')}</th>
                <th scope="col">{t('judges.corrections.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {corrected.map((expert) => (
                <tr key={expert.expert} data-expert={expert.expert}>
                  <th scope="row">{expert.name}</th>
                  <td className="num">
                    {t('judges.rescores.ofN', { n: expert.corrected, of: expert.entered })}
                  </td>
                  <td className="num">{expert.selfCorrected}</td>
                  <td>
                    {expert.by
                      .map((by) => t('judges.corrections.byLine', { name: by.name, n: by.n }))
                      .join(', ')}
                  </td>
                  <td>
                    <ul className="reasons">
                      {expert.corrections.map((correction, i) => (
                        <li key={i}>
                          {t('judges.corrections.line', {
                            competitor: names.competitor(correction.competitor),
                            aspect: correction.aspect,
                            by: correction.byName,
                            reason:
                              correction.kind === 'withdrawn'
                                ? t('judges.corrections.withdrawn', { reason: correction.reason })
                                : (correction.reason ?? t('judges.corrections.noReason')),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
