import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getRegion,
  fullName,
  isSameName,
  type College,
  type Competitor,
  type Expert,
  type Language,
} from '@ashyq/shared';
import { collegeName, useForm, WarningList } from './api';
import { RegionOptions } from '../app/RegionOptions';
import { ErrorReport } from '../lib/errors';
import { type ErrorDetail, apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';

const roles = ['chief', 'deputy-chief', 'expert', 'independent'] as const;
type Kind = 'competitors' | 'experts';

/**
 * Competitors and experts of one competition: list imports with the row/column report, one
 * person at a time (added or corrected), the chief expert, and declared conflicts of interest.
 */
export function PeopleSection({
  competitionId,
  running,
  onChanged,
}: {
  competitionId: string;
  /** The competition has a scheme, so its log (conflicts) exists. */
  running: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('organiser');
  const base = `/api/admin/competitions/${competitionId}`;
  const [competitors, reloadCompetitors] = useResource<{ competitors: Competitor[] }>(
    `${base}/competitors`,
    { signIn: '/login' },
  );
  const [experts, reloadExperts] = useResource<{ experts: Expert[] }>(`${base}/experts`, {
    signIn: '/login',
  });
  const [colleges] = useResource<{ colleges: College[] }>('/api/admin/colleges', {
    signIn: '/login',
  });
  const collegeList = colleges.state === 'ready' ? colleges.data.colleges : [];
  const reload = () => {
    reloadCompetitors();
    reloadExperts();
    onChanged();
  };

  return (
    <section className="org-panel" aria-label={t('people.competitors')}>
      <h2>{t('people.competitors')}</h2>
      <ImportList base={base} kind="competitors" onImported={reload} />
      {competitors.state === 'ready' && (
        <PeopleTable
          people={competitors.data.competitors}
          colleges={collegeList}
          base={base}
          kind="competitors"
          onChanged={reload}
        />
      )}
      <PersonForm base={base} kind="competitors" colleges={collegeList} onAdded={reload} />

      <h2>{t('people.experts')}</h2>
      <ImportList base={base} kind="experts" onImported={reload} />
      {experts.state === 'ready' && (
        <PeopleTable
          people={experts.data.experts}
          colleges={collegeList}
          base={base}
          kind="experts"
          onChanged={reload}
        />
      )}
      <PersonForm base={base} kind="experts" colleges={collegeList} onAdded={reload} />

      {running && competitors.state === 'ready' && experts.state === 'ready' && (
        <Conflicts
          competitionId={competitionId}
          competitors={competitors.data.competitors}
          experts={experts.data.experts}
        />
      )}
    </section>
  );
}

function ImportList({
  base,
  kind,
  onImported,
}: {
  base: string;
  kind: Kind;
  onImported: () => void;
}) {
  const { t } = useTranslation('organiser');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ imported: number; warnings: ErrorDetail[] } | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    setDone(null);
    try {
      setDone(
        await apiRequest<{ imported: number; warnings: ErrorDetail[] }>(
          'POST',
          `${base}/${kind}/import`,
          file,
        ),
      );
      onImported();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="org-form">
      <label>
        {t('people.import')}
        <input
          name={`${kind}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv"
          onChange={(e) => {
            void upload(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {done && (
        <div role="status">
          <p>{t('people.imported', { count: done.imported })}</p>
          <WarningList warnings={done.warnings} className="org-warn" />
        </div>
      )}
      {error !== null && (
        <div>
          <p>{t('people.refused')}</p>
          <ErrorReport error={error} />
        </div>
      )}
    </div>
  );
}

function PeopleTable({
  people,
  colleges,
  base,
  kind,
  onChanged,
}: {
  people: (Competitor | Expert)[];
  colleges: College[];
  base: string;
  kind: Kind;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('organiser');
  const lang = i18n.language as Language;
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (people.length === 0) return <p>{t('people.none')}</p>;
  const columns = kind === 'experts' ? 6 : 5;

  async function makeChief(expertId: string) {
    setError(null);
    try {
      await apiRequest('PATCH', `${base}/experts/${expertId}`, { role: 'chief' });
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <>
      <ErrorReport error={error} />
      <table className="org-table">
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('field.iin')}</th>
            <th>{t('field.region')}</th>
            <th>{t('field.college')}</th>
            {kind === 'experts' && <th>{t('field.role')}</th>}
            <th />
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <Fragment key={person.id}>
              <tr>
                <td>{fullName(person.name)}</td>
                <td>{person.iin}</td>
                <td>{getRegion(person.regionId)?.name[lang] ?? person.regionId}</td>
                <td>
                  {collegeName(
                    colleges.find((c) => c.id === person.collegeId),
                    lang,
                  ) ??
                    person.collegeId ??
                    ''}
                </td>
                {'role' in person && (
                  <td>
                    {t(`role.${person.role}`)}{' '}
                    {person.role !== 'chief' && (
                      <button type="button" onClick={() => void makeChief(person.id)}>
                        {t('people.makeChief')}
                      </button>
                    )}
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    aria-expanded={editing === person.id}
                    onClick={() => setEditing(editing === person.id ? null : person.id)}
                  >
                    {t('people.edit')}
                  </button>
                </td>
              </tr>
              {editing === person.id && (
                <tr>
                  <td colSpan={columns}>
                    <EditPerson
                      url={`${base}/${kind}/${person.id}`}
                      person={person}
                      kind={kind}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) onChanged();
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * Corrects one person. A competitor's name and IIN only, with a reason the competition's log
 * keeps with the earlier name: region, college and delegation decide the compatriot rules the
 * marks were given under, so the server keeps them as registered. An expert's papers, delegation
 * and role too; the server decides what a new chief means for the previous one.
 */
function EditPerson({
  url,
  person,
  kind,
  onDone,
}: {
  url: string;
  person: Competitor | Expert;
  kind: Kind;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('organiser');
  const expert = 'role' in person ? person : null;
  const before = {
    role: expert?.role ?? 'expert',
    certificate: expert?.certificate ?? '',
    employer: expert?.employer ?? '',
    delegation: person.delegation ?? '',
  };
  const { form, set, error, submit } = useForm({
    last: person.name.last,
    first: person.name.first,
    middle: person.name.middle ?? '',
    iin: person.iin,
    reason: '',
    ...before,
  });

  const save = submit(async () => {
    const name = {
      last: form.last,
      first: form.first,
      ...(form.middle ? { middle: form.middle } : {}),
    };
    // Only what changed: an expert's unchanged role must not revoke the PIN, a competitor's
    // delegation must not be sent at all.
    const papers =
      kind === 'experts'
        ? (['role', 'certificate', 'employer', 'delegation'] as const).filter(
            (key) => form[key].trim() !== before[key],
          )
        : [];
    await apiRequest('PATCH', url, {
      ...(isSameName(name, person.name) ? {} : { name }),
      ...(form.iin === person.iin ? {} : { iin: form.iin }),
      // An emptied field is cleared: null in a PATCH (docs/api.md).
      ...Object.fromEntries(papers.map((key) => [key, form[key].trim() || null])),
      ...(kind === 'competitors' ? { reason: form.reason } : {}),
    });
    onDone(true);
  });

  const title = t('people.editTitle', { name: fullName(person.name) });
  return (
    <form onSubmit={save} className="org-form org-grid" aria-label={title}>
      <h3>{title}</h3>
      <p className="org-muted">
        {t(kind === 'competitors' ? 'people.editHint' : 'people.editExpertHint')}
      </p>
      <NameFields form={form} set={set} />
      {kind === 'experts' ? (
        <>
          <RoleField value={form.role} onChange={set('role')} />
          <PaperFields form={form} set={set} />
        </>
      ) : (
        <label>
          {t('field.reason')}
          <input value={form.reason} onChange={set('reason')} required />
        </label>
      )}
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function RoleField({
  value,
  onChange,
}: {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation('organiser');
  return (
    <label>
      {t('field.role')}
      <select value={value} onChange={onChange}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An expert's certificate number and employer, and the delegation: optional, when adding or correcting. */
function PaperFields({
  form,
  set,
}: {
  form: { certificate: string; employer: string; delegation: string };
  set: (
    key: 'certificate' | 'employer' | 'delegation',
  ) => (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation('organiser');
  return (
    <>
      <label>
        {t('field.certificate')}
        <input value={form.certificate} onChange={set('certificate')} maxLength={100} />
      </label>
      <label>
        {t('field.employer')}
        <input value={form.employer} onChange={set('employer')} maxLength={300} />
      </label>
      <DelegationField value={form.delegation} onChange={set('delegation')} />
    </>
  );
}

function DelegationField({
  value,
  onChange,
}: {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation('organiser');
  return (
    <label>
      {t('field.delegation')}
      <input value={value} onChange={onChange} maxLength={100} />
    </label>
  );
}

/** Last, first and middle name and the IIN: the same fields when adding or correcting a person. */
function NameFields({
  form,
  set,
}: {
  form: { last: string; first: string; middle: string; iin: string };
  set: (key: 'last' | 'first' | 'middle' | 'iin') => (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation('organiser');
  return (
    <>
      <label>
        {t('field.lastName')}
        <input value={form.last} onChange={set('last')} required />
      </label>
      <label>
        {t('field.firstName')}
        <input value={form.first} onChange={set('first')} required />
      </label>
      <label>
        {t('field.middleName')}
        <input value={form.middle} onChange={set('middle')} />
      </label>
      <label>
        {t('field.iin')}
        <input value={form.iin} onChange={set('iin')} inputMode="numeric" required />
      </label>
    </>
  );
}

function PersonForm({
  base,
  kind,
  colleges,
  onAdded,
}: {
  base: string;
  kind: Kind;
  colleges: College[];
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation('organiser');
  const lang = i18n.language as Language;
  const { form, setForm, set, error, submit, reset } = useForm({
    last: '',
    first: '',
    middle: '',
    iin: '',
    regionId: 'astana',
    collegeId: '',
    role: 'expert',
    certificate: '',
    employer: '',
    delegation: '',
    guest: false as boolean,
  });
  const optional = (keys: readonly ('certificate' | 'employer' | 'delegation')[]) =>
    Object.fromEntries(keys.flatMap((key) => (form[key].trim() ? [[key, form[key].trim()]] : [])));

  const add = submit(async () => {
    await apiRequest('POST', `${base}/${kind}`, {
      name: { last: form.last, first: form.first, ...(form.middle ? { middle: form.middle } : {}) },
      iin: form.iin,
      regionId: form.regionId,
      ...(form.collegeId ? { collegeId: form.collegeId } : {}),
      ...(kind === 'experts'
        ? { role: form.role, ...optional(['certificate', 'employer', 'delegation']) }
        : { guest: form.guest, ...optional(['delegation']) }),
    });
    reset();
    onAdded();
  });

  const title = kind === 'experts' ? t('people.addExpert') : t('people.addCompetitor');
  return (
    <form onSubmit={add} className="org-form org-grid" aria-label={title}>
      <h3>{title}</h3>
      <NameFields form={form} set={set} />
      <label>
        {t('field.region')}
        <select value={form.regionId} onChange={set('regionId')}>
          <RegionOptions lang={lang} />
        </select>
      </label>
      <label>
        {t('field.college')}
        <select value={form.collegeId} onChange={set('collegeId')}>
          <option value="">—</option>
          {colleges.map((college) => (
            <option key={college.id} value={college.id}>
              {collegeName(college, lang)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'experts' ? (
        <>
          <RoleField value={form.role} onChange={set('role')} />
          <PaperFields form={form} set={set} />
        </>
      ) : (
        <>
          <DelegationField value={form.delegation} onChange={set('delegation')} />
          <label className="org-check">
            <input
              type="checkbox"
              checked={form.guest}
              onChange={(e) => setForm((f) => ({ ...f, guest: e.target.checked }))}
            />
            {t('field.guest')}
          </label>
        </>
      )}
      <div className="org-actions">
        <ErrorReport error={error} />
        <button type="submit">{t('add')}</button>
      </div>
    </form>
  );
}

function Conflicts({
  competitionId,
  competitors,
  experts,
}: {
  competitionId: string;
  competitors: Competitor[];
  experts: Expert[];
}) {
  const { t } = useTranslation('organiser');
  const [overview, reload] = useResource<{ conflicts: Record<string, string[]> }>(
    `/api/chief/competitions/${competitionId}/overview`,
    { signIn: '/login' },
  );
  const { form, set, error, submit } = useForm({ expertId: '', competitorId: '' });
  const nameOf = (people: (Competitor | Expert)[], id: string) => {
    const person = people.find((p) => p.id === id);
    return person ? fullName(person.name) : id;
  };

  const declare = submit(async () => {
    await apiRequest('POST', `/api/chief/competitions/${competitionId}/conflicts`, form);
    reload();
  });

  const declared =
    overview.state === 'ready'
      ? Object.entries(overview.data.conflicts).flatMap(([expert, ids]) =>
          ids.map((id) => [expert, id] as const),
        )
      : [];
  return (
    <>
      <h2>{t('people.conflicts')}</h2>
      <ul>
        {declared.map(([expert, competitor]) => (
          <li key={`${expert}-${competitor}`}>
            {t('people.conflictOf', {
              expert: nameOf(experts, expert),
              competitor: nameOf(competitors, competitor),
            })}
          </li>
        ))}
      </ul>
      <form onSubmit={declare} className="org-form org-grid" aria-label={t('people.declare')}>
        <label>
          {t('people.expert')}
          <select value={form.expertId} onChange={set('expertId')} required>
            <option value="">—</option>
            {experts.map((expert) => (
              <option key={expert.id} value={expert.id}>
                {nameOf(experts, expert.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.competitor')}
          <select value={form.competitorId} onChange={set('competitorId')} required>
            <option value="">—</option>
            {competitors.map((competitor) => (
              <option key={competitor.id} value={competitor.id}>
                {nameOf(competitors, competitor.id)}
              </option>
            ))}
          </select>
        </label>
        <div className="org-actions">
          <ErrorReport error={error} />
          <button type="submit">{t('people.declare')}</button>
        </div>
      </form>
    </>
  );
}
