import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMarks, signedMarks, type CalibrationView } from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import { errorText } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useAtLogHead } from './useAtLogHead';

/**
 * The calibration round (docs/judge-analytics.md): the chief opens it on a sample and a few
 * judgement aspects, the judges score it blind on their tablets, the chief closes it and the
 * spread per aspect and per judge shows here. Staff only; it never touches a result.
 */
export function Calibration({
  competitionId,
  overview,
  roster,
  names,
  lang,
  mayUnlock,
}: ConsoleProps) {
  const { t } = useTranslation('chief');
  const base = `${chiefBase(competitionId)}/calibration`;
  const { data, failure } = useAtLogHead<{ calibration: CalibrationView | null }>(
    base,
    overview.head.seq,
  );
  const [sample, setSample] = useState('Sample A');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const judgementAspects = roster.scheme.criteria.flatMap((criterion) =>
    criterion.subCriteria.flatMap((sub) => sub.aspects.filter((aspect) => aspect.type === 'J')),
  );
  const round = data?.calibration ?? null;

  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await run();
    } catch (error) {
      setProblem(`${t('calibration.failed')} ${errorText(error)}`);
    }
  };
  const toggle = (code: string) =>
    setChosen((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));

  return (
    <section className="chief-section calibration" aria-labelledby="calibration-title">
      <h2 id="calibration-title">{t('calibration.title')}</h2>
      <p className="staff-only" role="note">
        {t('calibration.staffOnly')}
      </p>
      {failure ? (
        <p className="error" role="alert">
          {t('calibration.loadFailed')} {errorText(failure)}
        </p>
      ) : null}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {!round && <p>{t('calibration.none')}</p>}
      {mayUnlock && (!round || !round.open) && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => apiRequest('POST', base, { sample, aspects: chosen }));
          }}
        >
          <label>
            {t('calibration.sample')}{' '}
            <input value={sample} onChange={(event) => setSample(event.target.value)} />
          </label>
          <fieldset>
            <legend>{t('calibration.aspects')}</legend>
            {judgementAspects.map((aspect) => (
              <label key={aspect.code}>
                <input
                  type="checkbox"
                  checked={chosen.includes(aspect.code)}
                  onChange={() => toggle(aspect.code)}
                />{' '}
                {aspect.code} {aspect.description}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('calibration.open')}</button>
        </form>
      )}
      {round && round.open && (
        <>
          <p role="status">
            {t('calibration.opened', { round: round.round, sample: round.sample })}
          </p>
          <ul>
            {(round.figures?.aspects ?? []).map((aspect) => (
              <li key={aspect.aspect}>
                {aspect.aspect}: {t('calibration.scoresSoFar', { count: aspect.n })}
              </li>
            ))}
          </ul>
          {mayUnlock && (
            <button
              type="button"
              onClick={() => void act(() => apiRequest('POST', `${base}/close`))}
            >
              {t('calibration.close')}
            </button>
          )}
        </>
      )}
      {round && !round.open && round.figures && (
        <>
          <p role="status">
            {t('calibration.closed', { round: round.round, sample: round.sample })}
          </p>
          <div className="standings-scroll">
            <table className="calibration-table">
              <thead>
                <tr>
                  <th scope="col">{t('calibration.aspect')}</th>
                  {round.figures.judges.map((judge) => (
                    <th scope="col" key={judge.judge}>
                      {names.expert(judge.judge)}
                    </th>
                  ))}
                  <th scope="col">{t('calibration.minMax')}</th>
                  <th scope="col">{t('calibration.range')}</th>
                  <th scope="col">{t('calibration.median')}</th>
                </tr>
              </thead>
              <tbody>
                {round.figures.aspects.map((aspect) => (
                  <tr key={aspect.aspect}>
                    <th scope="row">{aspect.aspect}</th>
                    {round.figures!.judges.map((judge) => {
                      const own = aspect.scores.find((s) => s.expert === judge.judge);
                      return <td key={judge.judge}>{own ? own.value : '—'}</td>;
                    })}
                    <td>
                      {aspect.min ?? '—'}–{aspect.max ?? '—'}
                    </td>
                    <td>{aspect.range ?? '—'}</td>
                    <td>
                      {aspect.median === null ? '—' : formatMarks(aspect.median, lang)} ({aspect.n})
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('calibration.deviation')}</th>
                  {round.figures.judges.map((judge) => (
                    <td key={judge.judge} className={judge.flag ? `flag-${judge.flag}` : undefined}>
                      {signedMarks(judge.severity.mean, lang)} ({judge.cells}{' '}
                      {t('calibration.cells')})
                    </td>
                  ))}
                  <td colSpan={3} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
