import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import './organiser.css';
import { ErrorReport } from '../lib/errors';
import type { PasswordSignIn, SignedInReply } from '@ashyq/shared';
import { apiRequest } from '../lib/http';

/** Email and password sign-in for organisers; experts sign in with a PIN elsewhere. */
export function OrganiserLoginPage() {
  const { t } = useTranslation('organiser');
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const body: PasswordSignIn = { email: email.trim(), password };
      const reply = await apiRequest<SignedInReply>('POST', '/api/auth/login', body);
      // A college's exam officer works in the exam office, not the championship console.
      const organiser = reply.kind === 'organiser' && reply.user.roles.includes('organiser');
      const home = organiser ? '/organiser' : '/exam';
      void navigate(home, { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <main className="page org-login">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="org-form">
        <label>
          {t('login.email')}
          <input
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorReport error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <Link to="/expert/login">{t('login.expert')}</Link>
      </p>
    </main>
  );
}
