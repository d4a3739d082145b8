import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { signedMarks, type JudgesReply, type Language } from '@ashyq/shared';
import { leanBars, type LeanTone } from './view';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

const toneColour: Record<LeanTone, string> = {
  lenient: '#c2410c',
  severe: '#1d4ed8',
  inLine: '#64748b',
  smallSample: '#cbd5e1',
};

/**
 * Each judge's lean as a bar either side of zero, beside the table that holds the same figures
 * (the table is what a screen reader reads; the chart is named by its caption).
 */
export function JudgesChart({ judges, lang }: { judges: JudgesReply['judges']; lang: Language }) {
  const { t } = useTranslation('chief');
  const { values, tones } = leanBars(judges);
  const reach = Math.max(1, ...values.map((value) => Math.ceil(Math.abs(value) * 2) / 2));
  return (
    <figure className="judges-chart">
      <figcaption id="judges-chart-title">{t('judges.chart')}</figcaption>
      <div style={{ height: `${Math.max(120, judges.length * 36 + 40)}px` }}>
        <Bar
          aria-labelledby="judges-chart-title"
          role="img"
          data={{
            labels: judges.map((judge) => judge.name),
            datasets: [
              {
                data: values,
                backgroundColor: tones.map((tone) => toneColour[tone]),
                barThickness: 18,
              },
            ],
          }}
          options={{
            indexAxis: 'y',
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: { label: (item) => signedMarks(item.parsed.x ?? 0, lang) },
              },
            },
            scales: {
              x: {
                min: -reach,
                max: reach,
                ticks: { callback: (value) => signedMarks(Number(value), lang, 1) },
              },
            },
          }}
        />
      </div>
    </figure>
  );
}
