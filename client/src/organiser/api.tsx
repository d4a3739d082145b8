import { useState, type FormEvent } from 'react';
import type { College, Language } from '@ashyq/shared';

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
