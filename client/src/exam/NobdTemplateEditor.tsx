import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultNobdTemplate,
  nobdCodeValues,
  nobdFields,
  nobdFieldSchema,
  type CollegesReply,
  type NobdColumn,
  type NobdTemplate,
  type NobdTemplateReply,
  type SignedInReply,
} from '@ashyq/shared';
import { checkTemplate, formatCodes, moveColumn, parseCodes } from './view';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { localized } from '../lib/localized';
import { byName } from '../lib/collate';
import { useLanguage } from '../lib/language';

/**
 * The college's NOBD template (docs/demo-exams.md): column order, kk/ru headers, formats and code
 * lists, edited without code changes. Checked as the officer types, every problem located on
 * its column; the server refuses what this check refuses.
 */
export function NobdTemplateEditor() {
  const { t } = useTranslation('exam');
  const lang = useLanguage();
  // An exam officer edits its own college's template; an organiser above one college picks it.
  const [me] = useResource<SignedInReply>('/api/auth/me', { signIn: '/login' });
  const ownCollege =
    me.state === 'ready' && me.data.kind === 'organiser' && me.data.user.scope.kind === 'college';
  const [collegeId, setCollegeId] = useState('');
  const query = ownCollege ? '' : `?collegeId=${encodeURIComponent(collegeId)}`;
  const ready = me.state === 'ready' && (ownCollege || collegeId !== '');
  const [loaded] = useResource<NobdTemplateReply>(
    ready ? `/api/exam/nobd-template${query}` : null,
    { signIn: '/login' },
  );
  const [template, setTemplate] = useState<NobdTemplate | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (loaded.state === 'ready') setTemplate(loaded.data.template);
  }, [loaded]);
  const problems = useMemo(() => (template ? checkTemplate(template, lang) : []), [template, lang]);

  const picker =
    me.state === 'ready' && !ownCollege ? (
      <CollegePicker
        value={collegeId}
        onChange={(id) => {
          setTemplate(null);
          setCollegeId(id);
        }}
      />
    ) : null;
  if (me.state === 'ready' && !ready)
    return (
      <main>
        <h1>{t('office.template.title')}</h1>
        <p className="exam-hint">{t('office.template.pickCollege')}</p>
        {picker}
      </main>
    );
  if (loaded.state === 'failed') return <ErrorReport error={loaded.error} />;
  if (!template) return <p>{t('office.loading')}</p>;

  const change = (next: NobdTemplate) => {
    setSaved(false);
    setTemplate(next);
  };
  const setColumn = (index: number, column: NobdColumn) =>
    change({ ...template, columns: template.columns.map((c, i) => (i === index ? column : c)) });

  async function save() {
    setError(null);
    try {
      await apiRequest('PUT', `/api/exam/nobd-template${query}`, template);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <main>
      <h1>{t('office.template.title')}</h1>
      <p className="exam-hint">{t('office.template.hint')}</p>
      {picker}
      <div className="exam-form exam-template-head">
        <label className="exam-field">
          <span>{t('office.template.name')}</span>
          <input
            value={template.name}
            onChange={(e) => change({ ...template, name: e.target.value })}
          />
        </label>
        <label className="exam-field">
          <span>{t('office.template.version')}</span>
          <input
            value={template.id}
            onChange={(e) => change({ ...template, id: e.target.value })}
          />
        </label>
        <label className="exam-field">
          <span>{t('office.template.headerLanguage')}</span>
          <select
            value={template.headerLanguage}
            onChange={(e) =>
              change({
                ...template,
                headerLanguage: e.target.value as NobdTemplate['headerLanguage'],
              })
            }
          >
            <option value="kk">қазақша</option>
            <option value="ru">русский</option>
            <option value="both">қазақша / русский</option>
          </select>
        </label>
      </div>
      {problems.length > 0 ? (
        <ul className="exam-violations" role="alert" aria-label={t('office.template.problems')}>
          {problems.map((problem, i) => (
            <li key={i}>
              {problem.column !== null && (
                <strong>{t('office.template.column', { column: problem.column })}</strong>
              )}{' '}
              {problem.option && <code>{problem.option}</code>} {problem.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="exam-ok" role="status">
          {t('office.template.valid')}
        </p>
      )}
      <div className="exam-scroll">
        <table className="exam-table exam-template">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('office.template.field')}</th>
              <th>{t('office.template.headerKk')}</th>
              <th>{t('office.template.headerRu')}</th>
              <th>{t('office.template.options')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {template.columns.map((column, index) => (
              <tr
                key={index}
                className={problems.some((p) => p.column === index + 1) ? 'exam-bad' : undefined}
              >
                <td className="num">{index + 1}</td>
                <td>
                  <select
                    aria-label={`${t('office.template.field')} ${index + 1}`}
                    value={column.field}
                    onChange={(e) =>
                      setColumn(index, {
                        field: nobdFieldSchema.parse(e.target.value),
                        header: column.header,
                      })
                    }
                  >
                    {nobdFieldSchema.options.map((field) => (
                      <option key={field} value={field}>
                        {t(`office.template.field_name.${field}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {(['kk', 'ru'] as const).map((headerLang) => (
                  <td key={headerLang}>
                    <input
                      aria-label={`${t(headerLang === 'kk' ? 'office.template.headerKk' : 'office.template.headerRu')} ${index + 1}`}
                      value={column.header[headerLang]}
                      onChange={(e) =>
                        setColumn(index, {
                          ...column,
                          header: { ...column.header, [headerLang]: e.target.value },
                        })
                      }
                    />
                  </td>
                ))}
                <td>
                  <ColumnOptions column={column} onChange={(next) => setColumn(index, next)} />
                </td>
                <td className="exam-row-actions">
                  <button
                    type="button"
                    aria-label={`${t('office.template.up')} ${index + 1}`}
                    onClick={() => change(moveColumn(template, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('office.template.down')} ${index + 1}`}
                    onClick={() => change(moveColumn(template, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('office.template.remove')} ${index + 1}`}
                    onClick={() =>
                      change({
                        ...template,
                        columns: template.columns.filter((_, i) => i !== index),
                      })
                    }
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="exam-actions">
        <button
          type="button"
          onClick={() =>
            change({
              ...template,
              columns: [...template.columns, { field: 'fullName', header: { kk: '', ru: '' } }],
            })
          }
        >
          {t('office.template.add')}
        </button>
        <button type="button" onClick={() => change(defaultNobdTemplate)}>
          {t('office.template.reset')}
        </button>
        <button
          type="button"
          className="exam-button primary"
          disabled={problems.length > 0}
          onClick={() => void save()}
        >
          {t('office.template.save')}
        </button>
      </div>
      <ErrorReport error={error} />
      {saved && <p role="status">{t('office.saved')}</p>}
    </main>
  );
}

/** The options a column's kind takes (formats, language, codes, criterion). */
function ColumnOptions({
  column,
  onChange,
}: {
  column: NobdColumn;
  onChange: (column: NobdColumn) => void;
}) {
  const { t } = useTranslation('exam');
  const kind = nobdFields[column.field];
  const [codes, setCodes] = useState(formatCodes(column.codes));
  const set = <K extends keyof NobdColumn>(key: K, value: NobdColumn[K] | undefined) => {
    const { [key]: _dropped, ...rest } = column;
    onChange(value === undefined ? (rest as NobdColumn) : { ...column, [key]: value });
  };
  return (
    <div className="exam-options">
      {column.field === 'criterionPoints' && (
        <input
          aria-label={t('office.template.criterion')}
          placeholder={t('office.template.criterion')}
          size={4}
          value={column.criterion ?? ''}
          onChange={(e) => set('criterion', e.target.value || undefined)}
        />
      )}
      {kind === 'date' && (
        <select
          aria-label={t('office.template.dateFormat')}
          value={column.dateFormat ?? 'dd.mm.yyyy'}
          onChange={(e) => set('dateFormat', e.target.value as NobdColumn['dateFormat'])}
        >
          <option value="dd.mm.yyyy">dd.mm.yyyy</option>
          <option value="yyyy-mm-dd">yyyy-mm-dd</option>
        </select>
      )}
      {kind === 'number' && (
        <>
          <input
            type="number"
            min={0}
            max={4}
            aria-label={t('office.template.decimals')}
            title={t('office.template.decimals')}
            value={column.decimals ?? ''}
            onChange={(e) =>
              set('decimals', e.target.value === '' ? undefined : Number(e.target.value))
            }
          />
          <select
            aria-label={t('office.template.separator')}
            value={column.decimalSeparator ?? ''}
            onChange={(e) =>
              set(
                'decimalSeparator',
                (e.target.value || undefined) as NobdColumn['decimalSeparator'],
              )
            }
          >
            <option value="">—</option>
            <option value=",">,</option>
            <option value=".">.</option>
          </select>
        </>
      )}
      {(kind === 'localized' || kind === 'code') && (
        <select
          aria-label={t('office.template.language')}
          value={column.language ?? ''}
          onChange={(e) => set('language', (e.target.value || undefined) as NobdColumn['language'])}
        >
          <option value="">—</option>
          <option value="kk">kk</option>
          <option value="ru">ru</option>
        </select>
      )}
      {kind === 'code' && (
        <input
          aria-label={t('office.template.codes')}
          placeholder={nobdCodeValues[column.field as keyof typeof nobdCodeValues]
            .map((value, i) => `${value}=${i + 1}`)
            .join('; ')}
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
          onBlur={() => set('codes', parseCodes(codes))}
        />
      )}
    </div>
  );
}

/** The colleges an organiser may edit a template for, by name in the screen's language. */
function CollegePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation('exam');
  const [colleges] = useResource<CollegesReply>('/api/organiser/colleges', { signIn: '/login' });
  const list =
    colleges.state === 'ready'
      ? byName(
          colleges.data.colleges,
          (college) => localized(college.name, i18n.language),
          i18n.language,
        )
      : [];
  return (
    <div className="exam-form">
      <div className="exam-field">
        <label htmlFor="template-college">{t('office.template.college')}</label>
        <select id="template-college" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled>
            —
          </option>
          {list.map((college) => (
            <option key={college.id} value={college.id}>
              {localized(college.name, i18n.language)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
