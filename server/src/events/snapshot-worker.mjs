// The snapshot thread's entry (snapshot-thread.ts). A worker thread does not run the loader the
// server was started with (`--import tsx` does not reach it), so it registers tsx itself before
// it loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./snapshot-worker.ts');
