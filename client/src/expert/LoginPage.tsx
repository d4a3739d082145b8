import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LinkSignIn, PinSignIn, PublicChampionshipsReply, SignedInReply } from '@ashyq/shared';
import { competitionChoices, preselected } from './login-view';
import { ApiRequestError, apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import './expert.css';

const lastCompetitionKey = 'ashyq.expert.competition';

/** Where a signed-in holder works: the chief expert and deputy run the console, others mark. */
function homeOf(reply: SignedInReply): string {
  const role = reply.kind === 'expert' ? reply.credential.role : undefined;
  return role === 'chief' || role === 'deputy-chief' ? '/chief' : '/expert';
}

/**
 * POSTs a sign-in (in the screen's language); returns where to go once signed in, or the
 * server's refusal if it gave one (empty when the connection failed).
 */
async function signIn(
  url: string,
  body: PinSignIn | LinkSignIn,
): Promise<{ home: string } | { failure: string }> {
  try {
    return { home: homeOf(await apiRequest<SignedInReply>('POST', url, body)) };
  } catch (error) {
    const worded =
      error instanceof ApiRequestError && error.status !== null && error.code !== 'unknown';
    return { failure: worded ? error.message : '' };
  }
}

/** Shown in the picker when the competition is not in the list: its code is typed instead. */
const otherCode = '__other';

/**
 * Sign-in with the 6-digit PIN the chief expert handed out, for a competition picked from the
 * public list of those still marking (typing its code stays possible, e.g. offline).
 */
export function ExpertLoginPage() {
  const { t, i18n } = useTranslation('expert');
  const navigate = useNavigate();
  const [listed] = useResource<PublicChampionshipsReply>('/api/public/championships');
  const groups = useMemo(
    () =>
      listed.state === 'ready'
        ? competitionChoices(
            listed.data.championships,
            i18n.language,
            new Date().toISOString().slice(0, 10),
          )
        : [],
    [listed, i18n.language],
  );
  const [typed, setTyped] = useState(() => localStorage.getItem(lastCompetitionKey) ?? '');
  const [picked, setPicked] = useState<string | null>(null);
  const choice = picked ?? preselected(groups, localStorage.getItem(lastCompetitionKey));
  // Without the list (offline, or nothing listed) the code is typed, as before; while the list
  // loads neither shows, so the form does not change under the expert's finger.
  const typing =
    listed.state === 'failed' ||
    (listed.state === 'ready' && groups.length === 0) ||
    choice === otherCode;
  const competitionId = typing ? typed : choice;
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    // The server words its refusal in the language the screen shows.
    const result = await signIn(`/api/auth/pin?lang=${i18n.language}`, {
      competitionId: competitionId.trim(),
      pin,
    });
    setBusy(false);
    if ('failure' in result) return setError(result.failure || t('login.failed'));
    localStorage.setItem(lastCompetitionKey, competitionId.trim());
    void navigate(result.home, { replace: true });
  }

  return (
    <main className="page expert-login">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit}>
        {groups.length > 0 && (
          <div className="field">
            <label htmlFor="competition-choice">{t('login.pick')}</label>
            <select
              id="competition-choice"
              name="competitionChoice"
              value={choice}
              onChange={(e) => setPicked(e.target.value)}
              required
            >
              <option value="" disabled>
                {t('login.pickPrompt')}
              </option>
              {groups.map((group) => (
                <optgroup key={group.championship} label={group.championship}>
                  {group.choices.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.label}
                    </option>
                  ))}
                </optgroup>
              ))}
              <option value={otherCode}>{t('login.other')}</option>
            </select>
          </div>
        )}
        {typing && (
          <label>
            {t('login.competition')}
            <input
              name="competition"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
            />
          </label>
        )}
        <label>
          {t('login.pin')}
          <input
            name="pin"
            className="pin"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            required
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <button
          type="submit"
          className="primary"
          disabled={busy || pin.length !== 6 || competitionId.trim() === ''}
        >
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}

/** A QR code opens /login/:token; the token leaves the history once it has been used. */
export function LinkLoginPage() {
  const { t } = useTranslation('expert');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // A link token is for one sign-in; StrictMode's second effect run must not spend it again.
    if (started.current) return;
    started.current = true;
    void signIn('/api/auth/link', { token }).then((result) => {
      if ('home' in result) void navigate(result.home, { replace: true });
      else setFailed(true);
    });
  }, [token, navigate]);

  return (
    <main className="page expert-login">
      {failed ? (
        <>
          <p role="alert">{t('login.linkFailed')}</p>
          <Link to="/expert/login" replace>
            {t('login.usePin')}
          </Link>
        </>
      ) : (
        <p role="status">{t('login.linkSigningIn')}</p>
      )}
    </main>
  );
}
