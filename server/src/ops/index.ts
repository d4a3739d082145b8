import type { LogLevel } from '../config';
import { createLogger, unredacted, type Logger, type LoggerOptions } from './logger';
import { Metrics } from './metrics';

export { actorName, createLogger, type Logger } from './logger';
export { Metrics, metricsRoute, type SocketCounts } from './metrics';

/** What operators watch: the server's log lines and its metrics. */
export interface Ops {
  logger: Logger;
  /** The log for the command lines, which hold ids and counts only: see `unredacted`. */
  commandLog: Logger;
  metrics: Metrics;
}

export function createOps(options: LoggerOptions = {}): Ops {
  const logger = createLogger(options);
  return { logger, commandLog: unredacted(logger), metrics: new Metrics() };
}

/**
 * For code that builds services without saying where the log goes (tests, the CLI): warnings
 * and errors only, so a run is not flooded with a line per request.
 */
export const quietLevel: LogLevel = 'warn';
