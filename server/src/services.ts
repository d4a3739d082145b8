import { AccountService } from './auth/accounts';
import { collectionIndexes } from './collections';
import { CompetitionRegistry } from './competitions/registry';
import { openStore, type Config } from './config';
import { DocumentRegistry } from './documents/verification';
import { EventLog } from './events/event-log';
import { ExamService } from './exam/service';
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
  /** Issued documents and their verification; each document kind registers its resolver. */
  documents: DocumentRegistry;
  close(): Promise<void>;
}

export async function createServices(config: Config): Promise<Services> {
  const store = await openStore(config, { collections: collectionIndexes });
  const log = new EventLog(store);
  const accounts = new AccountService(store);
  const competitions = new CompetitionRegistry({ store, log });
  await competitions.loadAll();
  const exams = new ExamService(store, competitions);
  await exams.loadAll();
  return {
    config,
    store,
    log,
    accounts,
    competitions,
    exams,
    documents: new DocumentRegistry(store),
    async close() {
      await log.close();
      await store.close();
    },
  };
}
