import { useTranslation } from 'react-i18next';
import { fullName } from '@ashyq/shared';
import { useForm } from '../api';
import { NameFields, PaperFields, RoleField } from './fields';
import { correctionPatch, editFormOf, type Kind, type Person } from './people-view';
import { ErrorReport } from '../../lib/errors';
import { apiRequest } from '../../lib/http';

/**
 * Corrects one person. A competitor's name and IIN only, with a reason the competition's log
 * keeps with the earlier name: region, college and delegation decide the compatriot rules the
 * marks were given under, so the server keeps them as registered. An expert's papers, delegation
 * and role too; the server decides what a new chief means for the previous one.
 */
export function EditPerson({
  url,
  person,
  kind,
  onDone,
}: {
  url: string;
  person: Person;
  kind: Kind;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('organiser');
  const { form, set, error, submit } = useForm({ ...editFormOf(person) });

  const save = submit(async () => {
    await apiRequest('PATCH', url, correctionPatch(form, person, kind));
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
