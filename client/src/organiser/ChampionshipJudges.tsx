import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  formatMarks,
  signedMarks,
  type ChampionshipJudgesReport,
  type JudgeFigures,
  type Localized,
} from '@ashyq/shared';
import { ErrorReport } from '../lib/errors';
import { useResource } from '../lib/resource';
import { useLanguage } from '../lib/language';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * How each expert judged across a championship, for certification and next year's panels:
 * organisers only. Each competition's row, then the expert's row over all of them in bold.
 */
export function ChampionshipJudges() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { championshipId = '' } = useParams();
  const url = `/api/organiser/championships/${encodeURIComponent(championshipId)}/judges`;
  const [loaded] = useResource<ChampionshipJudgesReport>(url, { signIn: '/login' });

  if (loaded.state === 'loading') return <p>{t('loading')}</p>;
  if (loaded.state === 'failed') return <ErrorReport error={loaded.error} />;
  const report = loaded.data;
  const local = (name: Localized) => name[lang] ?? name.ru;
  const competitionName = new Map(
    report.competitions.map((c) => [c.id, `${c.skillNumber} ${local(c.skillName)}`]),
  );
  const readingOf = (judging: JudgeFigures | null) =>
    !judging
      ? t('judges.noCells')
      : judging.smallSample
        ? t('judges.smallSample', { n: judging.cells })
        : judging.flag
          ? t(`judges.${judging.flag}`)
          : t('judges.inLine');
  const figures = (
    judging: JudgeFigures | null,
    rescores: ChampionshipJudgesReport['experts'][number]['rescores'],
    measurements: ChampionshipJudgesReport['experts'][number]['measurements'],
  ) => (
    <>
      <td className="num">{judging?.cells ?? 0}</td>
      <td className="num">
        {judging &&
          `${signedMarks(judging.severity.mean, lang)} (${formatMarks(judging.severity.spread, lang)})`}
      </td>
      <td className="num">{judging && percent(judging.exact)}</td>
      <td className="num">{judging && percent(judging.withinOne)}</td>
      <td className="num">{judging?.outlier}</td>
      <td className={judging?.flag && !judging.smallSample ? `flag ${judging.flag}` : undefined}>
        {readingOf(judging)}
      </td>
      <td className="num">
        {rescores.asked}, {rescores.answered}, {rescores.changed}
      </td>
      <td className="num">
        {measurements.corrected} / {measurements.entered}
      </td>
    </>
  );

  return (
    <section className="championship-judges">
      <p>
        <Link to={`/organiser/championships/${championshipId}`}>{t('judges.back')}</Link>
      </p>
      <h1>{t('judges.title', { championship: local(report.championshipName) })}</h1>
      <p className="org-muted" role="note">
        {t('judges.staffOnly')}
      </p>
      <p>
        {t('judges.downloads')}:{' '}
        {(['kk', 'ru', 'en'] as const).map((language) => (
          <span key={language}>
            <a href={`${url}.xlsx?lang=${language}`} download>
              {t('judges.xlsx', { language: language.toUpperCase() })}
            </a>
            {' · '}
            <a href={`${url}.pdf?lang=${language}`} target="_blank" rel="noreferrer">
              {t('judges.pdf', { language: language.toUpperCase() })}
            </a>
            {language !== 'en' && ' · '}
          </span>
        ))}
      </p>
      {report.experts.length === 0 ? (
        <p>{t('judges.none')}</p>
      ) : (
        <div className="org-scroll">
          <table className="org-table judges-report" tabIndex={0}>
            <thead>
              <tr>
                <th scope="col">{t('judges.expert')}</th>
                <th scope="col">{t('judges.competition')}</th>
                <th scope="col">{t('judges.cells')}</th>
                <th scope="col">{t('judges.severity')}</th>
                <th scope="col">{t('judges.exact')}</th>
                <th scope="col">{t('judges.withinOne')}</th>
                <th scope="col">{t('judges.outliers')}</th>
                <th scope="col">{t('judges.reading')}</th>
                <th scope="col">{t('judges.rescores')}</th>
                <th scope="col">{t('judges.measurements')}</th>
              </tr>
            </thead>
            <tbody>
              {report.experts.map((expert) => (
                <Fragment key={expert.key}>
                  {expert.competitions.map((row, i) => (
                    <tr key={row.competitionId} data-expert={expert.key}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={expert.competitions.length + 1}>
                          {expert.name}
                        </th>
                      )}
                      <td>{competitionName.get(row.competitionId) ?? row.competitionId}</td>
                      {figures(row.judging, row.rescores, row.measurements)}
                    </tr>
                  ))}
                  <tr className="total" data-expert={expert.key}>
                    <td>{t('judges.all')}</td>
                    {figures(expert.judging, expert.rescores, expert.measurements)}
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
