/**
 * `npm run dev`: the API server restarting on change (port 3000) and Vite's dev server with hot
 * reload (port 5173, proxying /api and /socket.io to the API). Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { serverNodeFlags } from './server-flags';

const children: ChildProcess[] = [
  spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', '--watch', 'scripts/serve.ts'], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'client/vite.config.ts'], {
    stdio: 'inherit',
  }),
];

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}

for (const child of children) child.on('exit', stopAll);
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);
