import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRegion, fullName, type College } from '@ashyq/shared';
import { collegeName } from '../api';
import { EditPerson } from './EditPerson';
import type { Kind, Person } from './people-view';
import { peopleByName } from '../organiser-view';
import { ErrorReport } from '../../lib/errors';
import { apiRequest } from '../../lib/http';
import { useLanguage } from '../../lib/language';

/** The registered people by name, in the language's alphabetical order, each correctable. */
export function PeopleTable({
  people,
  colleges,
  base,
  kind,
  onChanged,
}: {
  people: Person[];
  colleges: College[];
  base: string;
  kind: Kind;
  onChanged: () => void;
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
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
          {peopleByName(people, lang).map((person) => (
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
