import { startServer } from '../server/src/server';
import { isEmptyStore, loadDemo } from '../seeds/load-demo';

// The composition root of a running Ashyq: the server, and what fills an empty store.
// A first start shows a championship to explore rather than an empty screen (README, demo sign-ins).
// ASHYQ_DEMO=0 keeps the store empty: a real deployment, or a test that starts from nothing.
await startServer({
  initialData: async (services) => {
    if (process.env.ASHYQ_DEMO === '0' || !(await isEmptyStore(services.store))) return false;
    await loadDemo(services);
    return true;
  },
});
