import { useTranslation } from 'react-i18next';
import { type CollegesReply, type CompetitorsReply, type ExpertsReply } from '@ashyq/shared';
import { Conflicts } from './people/Conflicts';
import { ImportList } from './people/ImportList';
import { PeopleTable } from './people/PeopleTable';
import { PersonForm } from './people/PersonForm';
import { useResource } from '../lib/resource';

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
  const base = `/api/organiser/competitions/${competitionId}`;
  const [competitors, reloadCompetitors] = useResource<CompetitorsReply>(`${base}/competitors`, {
    signIn: '/login',
  });
  const [experts, reloadExperts] = useResource<ExpertsReply>(`${base}/experts`, {
    signIn: '/login',
  });
  const [colleges] = useResource<CollegesReply>('/api/organiser/colleges', {
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
