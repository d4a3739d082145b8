import { pino, type DestinationStream, type Logger } from 'pino';
import type { Actor } from '../auth/model';
import type { LogLevel } from '../config';

export type { Logger };

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the JSON lines go; standard output by default. Tests pass a stream they read. */
  destination?: DestinationStream;
}

/**
 * The server's log: one JSON object per line (pino), for a log collector to read. Lines name ids
 * only (competition, championship, the actor's id): never an IIN, a PIN, a name or a request body.
 * The redaction below is a second guard for a field someone adds by mistake.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['iin', '*.iin', 'pin', '*.pin', 'password', '*.password', 'token', '*.token'],
        censor: '[not logged]',
      },
    },
    // Written in the background so a busy competition never waits for its own log lines; pino
    // writes what is left when the process exits. While a write is under way the next lines
    // gather in one string, which is measured again (copied flat) for every line added: with
    // the default 16 kB a line cost about 8 kB of copying, under marking load a sixth of all
    // the server allocated. At 4 kB a chunk that copying is a quarter (docs/benchmarks.md).
    options.destination ?? pino.destination({ dest: 1, sync: false, maxWrite: 4096 }),
  );
}

/**
 * The same log without the redaction pass, for lines the server assembles from ids, codes and
 * counts alone (a command answered: one line per mark on a busy tablet). Redacting such a line
 * took twice as long as writing it, under marking load 3 % of the server's time
 * (docs/benchmarks.md); there is nothing in it to redact.
 */
export function unredacted(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}

/** Who acted, as the log names them: `organiser:<user id>`, `expert:<expert id>`, or null. */
export function actorName(actor: Actor | undefined): string | null {
  if (!actor) return null;
  return actor.kind === 'organiser'
    ? `organiser:${actor.user.id}`
    : `expert:${actor.credential.expertId}`;
}
