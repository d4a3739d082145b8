import { useTranslation } from 'react-i18next';
import type { College } from '@ashyq/shared';
import { collegeName, useForm } from '../api';
import { DelegationField, NameFields, PaperFields, RoleField } from './fields';
import { newPersonBody, type Kind } from './people-view';
import { RegionOptions } from '../../app/RegionOptions';
import { byName } from '../../lib/collate';
import { ErrorReport } from '../../lib/errors';
import { apiRequest } from '../../lib/http';
import { useLanguage } from '../../lib/language';

/** Adds one competitor or expert by hand. */
export function PersonForm({
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
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
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
  const add = submit(async () => {
    await apiRequest('POST', `${base}/${kind}`, newPersonBody(form, kind));
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
          {byName(colleges, (c) => collegeName(c, lang) ?? c.id, lang).map((college) => (
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
