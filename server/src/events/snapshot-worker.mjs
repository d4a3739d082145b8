// The snapshot thread's entry (snapshot-thread.ts).
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

// Background work: on Linux a thread has its own nice value, so at the lowest priority this
// thread takes only the CPU that the event loop, the store's writer and the rest leave free,
// from its start (loading and compiling its modules is its costliest moment).
if (process.platform === 'linux') setPriority(19);
// A worker thread does not run the loader the server was started with (`--import tsx` does not
// reach it), so it registers tsx itself before it loads the TypeScript.
register();
await import('./snapshot-worker.ts');
