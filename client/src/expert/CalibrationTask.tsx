import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMarks, type CalibrationView, type ExpertView } from '@ashyq/shared';
import { errorText } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useLanguage } from '../lib/language';

const scores = [0, 1, 2, 3] as const;

/**
 * The calibration round on the tablet (docs/expert-tablet.md): a task apart from real marking,
 * labelled as not counting. While the round is open the judge sees only its own scores; once the
 * chief closes it, everybody's scores and the spread. Read again whenever the tablet's view is
 * (the server announces a round opened or closed as a view change).
 */
export function CalibrationTask({ view }: { view: ExpertView }) {
  const { t } = useTranslation('expert');
  const lang = useLanguage();
  const [round, setRound] = useState<CalibrationView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    apiRequest<{ calibration: CalibrationView | null }>('GET', '/api/expert/calibration').then(
      (reply) => current && setRound(reply.calibration),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [view]);

  if (!round) return null;
  const send = async (aspect: string, value: number) => {
    setProblem(null);
    try {
      const reply = await apiRequest<{ calibration: CalibrationView | null }>(
        'POST',
        '/api/expert/calibration',
        { aspect, value },
      );
      setRound(reply.calibration);
    } catch (error) {
      setProblem(`${t('calibration.failed')} ${errorText(error)}`);
    }
  };

  return (
    <section className="calibration-task" aria-labelledby="calibration-task-title">
      <h2 id="calibration-task-title">
        {round.open ? t('calibration.title') : t('calibration.closedTitle')}
      </h2>
      <p role="note">{t('calibration.note', { sample: round.sample })}</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ul>
        {round.aspects.map((aspect) => {
          const mine = round.mine[aspect];
          const spread = round.figures?.aspects.find((a) => a.aspect === aspect);
          return (
            <li key={aspect}>
              <strong>{aspect}</strong>{' '}
              {round.open ? (
                <span role="group" aria-label={aspect}>
                  {scores.map((value) => (
                    <button
                      key={value}
                      type="button"
                      aria-pressed={mine === value}
                      onClick={() => void send(aspect, value)}
                    >
                      {value}
                    </button>
                  ))}
                  {mine !== undefined && <span> {t('calibration.saved', { value: mine })}</span>}
                </span>
              ) : (
                spread && (
                  <span>
                    {spread.scores.map((s) => s.value).join(' · ')}
                    {mine !== undefined && ` (${t('calibration.yours')}: ${mine})`} —{' '}
                    {t('calibration.median', {
                      median: spread.median === null ? '—' : formatMarks(spread.median, lang, 1),
                      range: spread.range ?? '—',
                      count: spread.n,
                    })}
                  </span>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
