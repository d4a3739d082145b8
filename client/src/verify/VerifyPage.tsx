import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { almatyStamp } from '@ashyq/shared';
import { SummaryView } from './SummaryView';
import './verify.css';
import { useResource } from '../lib/resource';

/** The public answer of GET /api/public/verify/:code (server/src/documents/verification.ts). */
export interface Verification {
  code: string;
  kind: string;
  title: string;
  issuedAt: string;
  language: string;
  summary: Record<string, unknown>;
  matches: boolean;
  problem: 'record_altered' | 'content_changed' | 'source_missing' | null;
}

/**
 * Where a printed document's QR code leads (`/verify/<code>`), and `/verify` to type a code in:
 * what the document said, and in plain colour whether the server's records still say the same.
 */
export function VerifyPage() {
  const { code } = useParams();
  const { t } = useTranslation('documents');
  return (
    <main className="page verify">
      <h1>{t('verify.pageTitle')}</h1>
      {code ? <VerifyResult code={code} /> : <CodeForm />}
    </main>
  );
}

function CodeForm() {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = typed.replace(/[\s-]/g, '');
    if (code) void navigate(`/verify/${encodeURIComponent(code)}`);
  };
  return (
    <form className="verify-form" onSubmit={submit}>
      <p>{t('verify.intro')}</p>
      <label>
        {t('verify.codeLabel')}
        <input
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          placeholder="XXXXX-XXXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
        />
      </label>
      <button type="submit">{t('verify.submit')}</button>
    </form>
  );
}

function VerifyResult({ code }: { code: string }) {
  const { t } = useTranslation('documents');
  const loaded = useResource<Verification>(`/api/public/verify/${encodeURIComponent(code)}`, {})[0];
  if (loaded.state === 'loading') return <p role="status">{t('verify.loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        <p role="alert" className="verify-verdict verify-unknown">
          {loaded.status === 404 || loaded.status === 400
            ? t('verify.notFound')
            : t('verify.failed')}
        </p>
        <CodeForm />
      </>
    );
  }
  const document = loaded.data;
  const grouped = `${document.code.slice(0, 5)}-${document.code.slice(5)}`;
  return (
    <>
      <section
        role="status"
        className={`verify-verdict ${document.matches ? 'verify-matches' : 'verify-changed'}`}
      >
        <strong>
          <span aria-hidden="true">{document.matches ? '✓ ' : '✗ '}</span>
          {document.matches ? t('verify.matches') : t('verify.changed')}
        </strong>
        <span>{document.matches ? t('verify.matchesHint') : t('verify.changedHint')}</span>
        {document.problem && <span>{t(`verify.problem.${document.problem}`)}</span>}
      </section>
      <h2>{document.title}</h2>
      <dl className="verify-facts">
        <dt>{t('verify.kind')}</dt>
        <dd>{t(`kind.${document.kind}`, { defaultValue: document.kind })}</dd>
        <dt>{t('verify.code')}</dt>
        <dd className="verify-code">{grouped}</dd>
        <dt>{t('verify.issuedAt')}</dt>
        <dd>{almatyStamp(document.issuedAt)}</dd>
        <dt>{t('verify.language')}</dt>
        <dd>{t(`common:language.${document.language}`, { defaultValue: document.language })}</dd>
      </dl>
      <h2>{t('verify.summary')}</h2>
      <SummaryView summary={document.summary} />
      <p>
        <Link to="/verify">{t('verify.another')}</Link>
      </p>
    </>
  );
}
