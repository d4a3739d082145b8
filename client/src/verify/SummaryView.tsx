import { useTranslation } from 'react-i18next';
import { almatyStamp, formatMarks } from '@ashyq/shared';
import { useLanguage } from '../lib/language';

type Row = Record<string, unknown>;

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A document's public summary, whatever its kind: plain fields as a list, lists of records as a
 * table. Field names and known values (competitor statuses...) are translated through the
 * documents namespace's `verify.field` and `verify.value`, so a new kind only adds words there.
 */
export function SummaryView({ summary }: { summary: Row }) {
  const { t } = useTranslation('documents');
  const entries = Object.entries(summary);
  const fields = entries.filter(([, value]) => !Array.isArray(value));
  const lists = entries.filter(([, value]) => Array.isArray(value)) as [string, unknown[]][];
  return (
    <>
      <dl className="verify-facts">
        {fields.map(([key, value]) => (
          <div key={key} className="verify-fact">
            <dt>{t(`verify.field.${key}`, { defaultValue: key })}</dt>
            <dd>
              <Value value={value} />
            </dd>
          </div>
        ))}
      </dl>
      {lists.map(([key, rows]) => (
        <SummaryTable key={key} name={key} rows={rows.filter(isRow)} />
      ))}
    </>
  );
}

/** Columns a reader looks for first, in this order; the rest follow as they come. */
const leadingColumns = ['position', 'name', 'competitor'];
const leadingRank = (column: string) => {
  const rank = leadingColumns.indexOf(column);
  return rank < 0 ? leadingColumns.length : rank;
};

function SummaryTable({ name, rows }: { name: string; rows: Row[] }) {
  const { t } = useTranslation('documents');
  // A stored summary's keys come sorted (its hash is over canonical JSON): who comes first.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort(
    (a, b) => leadingRank(a) - leadingRank(b),
  );
  // A column of figures stays right-aligned where a row has none (an absent student's "—").
  const figures = new Set(
    columns.filter((column) => rows.some((row) => typeof row[column] === 'number')),
  );
  const align = (column: string) => (figures.has(column) ? 'number' : undefined);
  return (
    <table className="verify-table">
      <caption>{t(`verify.field.${name}`, { defaultValue: name })}</caption>
      <thead>
        <tr>
          <th scope="col">№</th>
          {columns.map((column) => (
            <th key={column} scope="col" className={align(column)}>
              {t(`verify.field.${column}`, { defaultValue: column })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td className="number">{i + 1}</td>
            {columns.map((column) => (
              <td key={column} className={align(column)}>
                <Value value={row[column]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation('documents');
  const lang = useLanguage();
  if (value === null || value === undefined) return <>—</>;
  if (typeof value === 'number') {
    const digits = Number.isInteger(value) ? 0 : 2;
    return <>{formatMarks(value, lang, digits)}</>;
  }
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (typeof value === 'string') {
    // Times as the documents print them: Asia/Almaty, dd.mm.yyyy HH:mm.
    if (isoTime.test(value)) return <>{almatyStamp(value)}</>;
    // A calendar date, as printed on the document: no time zone may move it a day.
    if (isoDate.test(value)) return <>{value.split('-').reverse().join('.')}</>;
    return <>{t(`verify.value.${value}`, { defaultValue: value })}</>;
  }
  return <>{JSON.stringify(value)}</>;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
