import type { z } from 'zod';
import { namespaces, type NamespaceName } from '../i18n/index';
import { defaultLanguage, translate, type Language } from '../i18n/messages';

/**
 * Validation failures of identifiers and codes carry a reason code. A zod issue made from one
 * keeps the reason and its translation key in `params`, so the message can be rendered in the
 * caller's language when the response is written (schemas are built once, languages vary).
 */
export interface ReasonIssueParams {
  reason: string;
  namespace: NamespaceName;
  key: string;
  values: Record<string, string | number>;
}

/** A failed check: `reason` picks the message, the other fields fill its placeholders. */
export interface ReasonFailure {
  ok: false;
  reason: string;
}

function valuesOf(failure: ReasonFailure): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(failure)) {
    if (name === 'ok' || name === 'reason') continue;
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  return values;
}

/**
 * Adds the issue for `failure`: its message is the translation of `<keyPrefix>.<reason>` in the
 * default language, with the failure's fields as placeholders.
 */
export function addReasonIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  failure: ReasonFailure,
  where: { namespace: NamespaceName; keyPrefix: string; input: unknown; path?: PropertyKey[] },
): void {
  const params: ReasonIssueParams = {
    reason: failure.reason,
    namespace: where.namespace,
    key: `${where.keyPrefix}.${failure.reason}`,
    values: valuesOf(failure),
  };
  ctx.addIssue({
    code: 'custom',
    message: renderReason(params, defaultLanguage),
    params: { ...params },
    input: where.input,
    ...(where.path ? { path: where.path } : {}),
  });
}

/** A superRefine callback for a check that returns `{ ok: true, ... }` or a failure. */
export function reasonRefinement(
  check: (value: string) => { ok: true } | ReasonFailure,
  namespace: NamespaceName,
  keyPrefix: string,
) {
  return (value: string, ctx: z.core.$RefinementCtx<string>): void => {
    const result = check(value);
    if (!result.ok) addReasonIssue(ctx, result, { namespace, keyPrefix, input: value });
  };
}

function renderReason(params: ReasonIssueParams, lang: Language): string {
  return translate(namespaces[params.namespace][lang], params.key, params.values);
}

function isReasonIssueParams(params: unknown): params is ReasonIssueParams {
  if (typeof params !== 'object' || params === null) return false;
  const { namespace, key, values } = params as Partial<ReasonIssueParams>;
  return (
    typeof namespace === 'string' &&
    namespace in namespaces &&
    typeof key === 'string' &&
    typeof values === 'object' &&
    values !== null
  );
}

/**
 * The message of an issue made by `reasonRefinement` or `addReasonIssue`, in `lang`; undefined
 * for any other issue (the caller then uses its generic messages).
 */
export function localizeIssue(issue: z.core.$ZodIssue, lang: Language): string | undefined {
  if (issue.code !== 'custom' || !isReasonIssueParams(issue.params)) return undefined;
  return renderReason(issue.params, lang);
}
