import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maskIin,
  orderedStudents,
  type ExamSession,
  type ExamStudentImportReply,
} from '@ashyq/shared';
import { WarningList } from '../organiser/api';
import { sessionUrl } from './api';
import { ErrorReport } from '../lib/errors';
import { ApiRequestError, apiRequest } from '../lib/http';
import { FilePicker } from '../lib/ui/FilePicker';

/**
 * The students and their import from XLSX or CSV. The server takes a file whole or not at all:
 * a refused file lists every bad row with its row, column and reason, and nothing is imported.
 */
export function StudentsPanel({
  session,
  onImported,
}: {
  session: ExamSession;
  onImported: () => void;
}) {
  const { t } = useTranslation('exam');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ file: string; error: ApiRequestError } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<(ExamStudentImportReply & { file: string }) | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setRefused(null);
    setError(null);
    setDone(null);
    try {
      const reply = await apiRequest<ExamStudentImportReply>(
        'POST',
        `${sessionUrl(session.id)}/students/import`,
        file,
      );
      setDone({ ...reply, file: file.name });
      onImported();
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.details.length > 0) {
        setRefused({ file: file.name, error: failure });
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>{t('office.students.title', { count: session.students.length })}</h2>
      <FilePicker
        className="exam-upload"
        label={t('office.students.import')}
        name="studentsFile"
        accept=".xlsx,.csv"
        disabled={busy}
        onFile={(file) => file && void upload(file)}
      />
      <p className="exam-hint">{t('office.students.columns')}</p>
      <ErrorReport error={error} />
      {refused && (
        <div className="exam-refused" role="alert">
          <p>
            <strong>{t('office.students.refused', { file: refused.file })}</strong>{' '}
            {t('office.students.nothingImported')}
          </p>
          <table className="exam-table">
            <thead>
              <tr>
                <th>{t('office.students.where')}</th>
                <th>{t('office.students.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.error.details.map((detail, i) => (
                <tr key={i}>
                  <td>{detail.path}</td>
                  <td>{detail.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done && (
        <div role="status" className="exam-ok">
          <p>{t('office.students.imported', { count: done.imported, file: done.file })}</p>
          <WarningList warnings={done.warnings} />
        </div>
      )}
      <table className="exam-table">
        <thead>
          <tr>
            <th>№</th>
            <th>{t('document.fullName')}</th>
            <th>{t('document.iin')}</th>
            <th>{t('document.group')}</th>
            <th>{t('document.variant')}</th>
          </tr>
        </thead>
        <tbody>
          {orderedStudents(session.students).map((student, index) => (
            <tr key={student.id}>
              <td className="num">{index + 1}</td>
              <td>
                {[student.name.last, student.name.first, student.name.middle]
                  .filter(Boolean)
                  .join(' ')}
              </td>
              <td className="exam-iin">{maskIin(student.iin)}</td>
              <td>{student.group}</td>
              <td>{student.variant ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
