import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { College, Language } from '@ashyq/shared';
import { apiRequest, ApiRequestError } from '../api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; error: ApiRequestError } | { state: 'ready'; data: T };

/** GETs JSON; `reload` fetches again after a change. A 401 sends the organiser to sign in. */
export function useAdmin<T>(url: string | null): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    apiRequest<T>('GET', url)
      .then((data) => live && setLoaded({ state: 'ready', data }))
      .catch((error: ApiRequestError) => {
        if (!live) return;
        if (error.status === 401) window.location.assign('/login');
        else setLoaded({ state: 'failed', error });
      });
    return () => {
      live = false;
    };
  }, [url, round]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}

/**
 * A form's fields, a change handler per field, and `submit(send)`: the handler for `onSubmit`
 * that runs `send` and keeps the server's refusal in `error` for an ErrorReport. `reset` empties
 * the fields again after a successful add.
 */
export function useForm<F extends Record<string, string | boolean>>(initial: F) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof F) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (send: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await send();
    } catch (failure) {
      setError(failure);
    }
  };
  return { form, setForm, set, error, submit, reset: () => setForm(initial) };
}

/** The message to show for a failure, with every located detail. */
export function ErrorReport({ error }: { error: unknown }) {
  if (!(error instanceof ApiRequestError)) return null;
  return (
    <div role="alert" className="org-error">
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail, i) => (
            <li key={i}>
              <strong>{detail.path}</strong>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An accepted file's warnings, each where it was found: nothing when there are none. */
export function WarningList({
  warnings,
  className,
}: {
  warnings: readonly { path: string; message: string }[];
  className?: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className={className}>
      {warnings.map((warning, i) => (
        <li key={i}>
          <strong>{warning.path}</strong>: {warning.message}
        </li>
      ))}
    </ul>
  );
}

/** A college's name in the console's language; Russian when it has none in English. */
export function collegeName(college: College | undefined, lang: Language): string | undefined {
  return college ? (college.name[lang] ?? college.name.ru) : undefined;
}
