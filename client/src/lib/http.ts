import i18next from 'i18next';
import type { ZodType } from 'zod';

/** One located problem of a refused request, worded by the server in the user's language. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/** A refused request: the server's `{error: {code, message, details}}`, or a lost connection. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one HTTP client of the front end. Calls the API in the interface's language (refusals come
 * back worded in it) and returns the answer, JSON or text, or throws an ApiRequestError; a failed
 * connection is one with status null. A body that is a File or bytes is sent as the upload
 * itself, as the import routes expect. Given the contract's schema (shared/src/api), the reply is
 * checked against it, so a caller never casts what it received.
 */
export async function apiRequest<T>(
  method: Method,
  url: string,
  body?: unknown,
  schema?: ZodType<T>,
): Promise<T> {
  const upload = body instanceof Blob || body instanceof Uint8Array;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': i18next.language,
        ...(body === undefined
          ? {}
          : { 'content-type': upload ? 'application/octet-stream' : 'application/json' }),
      },
      body: body === undefined ? undefined : upload ? (body as BodyInit) : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(null, 'network', i18next.t('request.network'));
  }
  if (res.ok) {
    const json = (res.headers.get('content-type') ?? '').includes('json');
    const reply: unknown = json ? await res.json() : await res.text();
    if (!schema) return reply as T;
    const checked = schema.safeParse(reply);
    if (checked.success) return checked.data;
    throw new ApiRequestError(
      res.status,
      'unexpected_reply',
      i18next.t('request.refused', { status: res.status }),
    );
  }
  const reply = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ErrorDetail[] };
  } | null;
  throw new ApiRequestError(
    res.status,
    reply?.error?.code ?? 'unknown',
    reply?.error?.message ?? i18next.t('request.refused', { status: res.status }),
    reply?.error?.details ?? [],
  );
}
