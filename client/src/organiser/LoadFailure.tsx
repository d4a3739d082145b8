import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorReport } from '../lib/errors';
import type { ApiRequestError } from '../lib/http';

/**
 * A page's record could not be read: a missing one is said in words, in the screen's language,
 * with the way back; any other refusal is the server's report.
 */
export function LoadFailure({
  failed,
  what,
}: {
  failed: { error: ApiRequestError; status: number | null };
  what: 'championship' | 'competition';
}) {
  const { t } = useTranslation('organiser');
  if (failed.status !== 404) return <ErrorReport error={failed.error} />;
  return (
    <section role="alert">
      <p>{t(`notFound.${what}`)}</p>
      <p>
        <Link to="/organiser">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
