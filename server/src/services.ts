import { AccountService } from './auth/accounts';
import { Boards } from './boards/service';
import { collectionIndexes } from './collections';
import { CompetitionRegistry } from './competitions/registry';
import { openStore, type Config } from './config';
import { DocumentRegistry } from './documents/verification';
import { EventLog } from './events/event-log';
import { ExamService } from './exam/service';
import { createOps, quietLevel, type Ops } from './ops';
import type { Store } from './store/port';

/** Everything a request handler may need, built once at start-up. */
export interface Services {
  config: Config;
  store: Store;
  log: EventLog;
  accounts: AccountService;
  competitions: CompetitionRegistry;
  /** Demo exam sessions, each marking through a competition runtime of its own. */
  exams: ExamService;
  /** Public boards: payloads, freeze, ceremonies (docs/boards.md). */
  boards: Boards;
  /** Issued documents and their verification; each document kind registers its resolver. */
  documents: DocumentRegistry;
  /** The server's log and metrics (docs/operations.md). */
  ops: Ops;
  close(): Promise<void>;
}

/** `ops` says where the log goes: the server passes its own; by default warnings only. */
export async function createServices(
  config: Config,
  ops: Ops = createOps({ level: quietLevel }),
): Promise<Services> {
  const store = await openStore(config, { collections: collectionIndexes });
  const log = new EventLog(store, {
    onBackgroundError: (error) => ops.logger.error({ err: error }, 'Background work failed'),
    onIntegrityProblem: (message) => ops.logger.warn({ kind: 'integrity' }, message),
  });
  const accounts = new AccountService(store);
  const competitions = new CompetitionRegistry({ store, log });
  await competitions.loadAll();
  const exams = new ExamService(store, competitions);
  await exams.loadAll();
  return {
    boards: new Boards({ store, log, competitions }),
    config,
    store,
    log,
    accounts,
    competitions,
    exams,
    documents: new DocumentRegistry(store),
    ops,
    async close() {
      await log.close();
      await store.close();
    },
  };
}
