import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { openMongoStore } from './mongo';
import { storeContract, type StoreHarness } from './store.contract';

const uri = process.env.MONGODB_URI || undefined;
if (!uri) console.warn('SKIPPED: MongoDB contract tests — set MONGODB_URI to run them');

/** Each test gets its own database, dropped afterwards. */
async function freshDatabase(): Promise<StoreHarness> {
  const dbName = `ashyq_test_${randomUUID().slice(0, 8)}`;
  return {
    open: (options) => openMongoStore(uri!, { ...options, dbName }),
    destroy: async () => {
      const connection = await mongoose.createConnection(uri!, { dbName }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
    alterSnapshot: async (stream, projection, fields) => {
      const connection = await mongoose.createConnection(uri!, { dbName }).asPromise();
      await connection
        .db!.collection('snapshots')
        .updateOne({ stream, projection }, { $set: fields });
      await connection.close();
    },
  };
}

describe.skipIf(!uri)('MongoDB (MONGODB_URI)', () => {
  storeContract('MongoDB', freshDatabase);
});
