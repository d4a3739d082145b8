import { useTranslation } from 'react-i18next';
import { roles } from './people-view';

/** The person fields the add and correction forms share. */

export function RoleField({
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
export function PaperFields({
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

export function DelegationField({
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
export function NameFields({
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
