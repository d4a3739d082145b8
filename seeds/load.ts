import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../server/src/config';
import { createServices } from '../server/src/services';
import { sqliteFileName } from '../server/src/store/sqlite';
import { isEmptyStore, loadDemo } from './load-demo';

/**
 * `npm run seed` loads the demo into an empty DATA_DIR; `npm run seed -- --reset` first deletes
 * the DATA_DIR's store (the SQLite file and its journal), so the demo starts over.
 */

const config = loadConfigOrExit();

if (process.argv.includes('--reset')) {
  if (config.mongodbUri) {
    console.error('--reset deletes the SQLite store only; drop the MongoDB database by hand.');
    process.exit(2);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(path.join(config.dataDir, sqliteFileName + suffix), { force: true });
  }
}

const started = performance.now();
const services = await createServices(config);
try {
  if (await isEmptyStore(services.store)) {
    await loadDemo(services);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo loaded into ${config.dataDir} in ${seconds} s`);
  } else {
    console.log(`${config.dataDir} already has data; run with --reset to start over.`);
  }
} finally {
  await services.close();
}
