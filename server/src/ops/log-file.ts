import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../events/canonical-json';
import { ChainVerifier, type ChainFault } from '../events/chain';
import type { Store, StoredEvent } from '../store/port';

/**
 * A competition's log as a file: JSON lines, one stored event per line in seq order, each line
 * the canonical JSON of `{actor, at, data, hash, prevHash, seq, stream, type}` (docs/event-log.md,
 * *The log as a file*). Nothing else is in the file, so anyone can check it with the recipe of
 * the docs or with `npm run cli -- log verify <file>`, without the server.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One line of the file; a line with anything more or less is not an event of the log. */
const eventLine = z.strictObject({
  stream: z.string().min(1),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: z.string(),
  type: z.string(),
  data: z.custom<JsonValue>((value) => value !== undefined),
  prevHash: hex64,
  hash: hex64,
});

export interface ExportSummary {
  stream: string;
  events: number;
  /** The last event's hash; null when the stream has no event. */
  head: string | null;
}

/**
 * Writes every stored event of `stream` to `file`, page by page (a long log is never all in
 * memory). The events go to a file beside it first and take the name only once complete, so a
 * file under that name is never half an export.
 */
export async function exportLog(
  store: Store,
  stream: string,
  file: string,
): Promise<ExportSummary> {
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  let events = 0;
  let head: string | null = null;
  try {
    for await (const page of store.readPages(stream)) {
      await handle.write(page.map((event) => `${eventText(event)}\n`).join(''));
      events += page.length;
      head = page[page.length - 1]!.hash;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, file);
  return { stream, events, head };
}

/** One event as its line of the file (without the newline). */
export function eventText(event: StoredEvent): string {
  const { stream, seq, at, actor, type, data, prevHash, hash } = event;
  return canonicalJson({ stream, seq, at, actor, type, data, prevHash, hash });
}

export type FileVerdict =
  | { ok: true; stream: string | null; events: number; head: string | null }
  | {
      ok: false;
      stream: string | null;
      /** The first event that does not verify, by seq: where the log stops being trustworthy. */
      firstBadSeq: number;
      reason: ChainFault;
      /** Its line in the file (1-based). */
      line: number;
    };

/**
 * Checks a log file exactly as the server checks its stored log (the same ChainVerifier: seq
 * order without gaps, one stream, each prevHash the previous hash, each hash recomputed), line
 * by line. The first line names the stream; an empty line at the very end is allowed.
 */
export async function verifyLogFile(file: string): Promise<FileVerdict> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let verifier: ChainVerifier | undefined;
  let stream: string | null = null;
  let lineNumber = 0;
  let blankAt: number | undefined;
  let fault: { line: number } | undefined;
  let checked = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line === '') {
      blankAt ??= lineNumber;
      continue;
    }
    // A blank line between events is not part of the format: the next event is out of place.
    const event = blankAt === undefined ? parseLine(line) : undefined;
    stream ??= event?.stream ?? null;
    verifier ??= new ChainVerifier(stream ?? undefined);
    if (event === undefined) verifier.unreadable(checked + 1);
    else verifier.push(event);
    if (!verifier.verdict.ok) {
      fault = { line: blankAt ?? lineNumber };
      lines.close();
      break;
    }
    checked += 1;
  }
  const verdict = verifier?.verdict ?? { ok: true as const, events: 0, head: null };
  if (verdict.ok) return { ok: true, stream, events: verdict.events, head: verdict.head };
  return { ...verdict, stream, line: fault!.line };
}

function parseLine(line: string): StoredEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = eventLine.safeParse(value);
  return parsed.success ? (parsed.data as StoredEvent) : undefined;
}
