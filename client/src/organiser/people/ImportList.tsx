import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WarningList } from '../api';
import type { Kind } from './people-view';
import { ErrorReport } from '../../lib/errors';
import type { PeopleImportReply } from '@ashyq/shared';
import { apiRequest } from '../../lib/http';
import { FilePicker } from '../../lib/ui/FilePicker';

/** A list file of competitors or experts: the count imported, or every problem of the file. */
export function ImportList({
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
  const [done, setDone] = useState<PeopleImportReply | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    setDone(null);
    try {
      setDone(await apiRequest<PeopleImportReply>('POST', `${base}/${kind}/import`, file));
      onImported();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="org-form">
      <FilePicker
        label={t('people.import')}
        name={`${kind}-file`}
        accept=".xlsx,.csv,text/csv"
        onFile={(file) => void upload(file)}
      />
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
