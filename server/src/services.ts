import { AccountService } from './auth/accounts';
import { collectionIndexes } from './collections';
import { openStore, type Config } from './config';
import { EventLog } from './events/event-log';
import type { Store } from './store/port';

/** Everything a request handler may need, built once at start-up. */
export interface Services {
  config: Config;
  store: Store;
  log: EventLog;
  accounts: AccountService;
  close(): Promise<void>;
}

export async function createServices(config: Config): Promise<Services> {
  const store = await openStore(config, { collections: collectionIndexes });
  const log = new EventLog(store);
  const accounts = new AccountService(store);
  return {
    config,
    store,
    log,
    accounts,
    async close() {
      await log.settled();
      await store.close();
    },
  };
}
