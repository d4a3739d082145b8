import type { Socket } from 'socket.io-client';

/** Resolves once connected; rejects with the server's refusal code. */
export function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(error.message)));
  });
}

/** Every push of `name` from now on; `until` waits for the pushes so far to satisfy a check. */
export function collect<T>(socket: Socket, name: string) {
  const all: T[] = [];
  const waiting = new Set<() => void>();
  socket.on(name, (payload: T) => {
    all.push(payload);
    for (const recheck of waiting) recheck();
  });
  const until = (done: (pushes: T[]) => boolean) =>
    new Promise<T[]>((resolve) => {
      const recheck = () => {
        if (!done(all)) return;
        waiting.delete(recheck);
        resolve(all);
      };
      waiting.add(recheck);
      recheck();
    });
  return { all, until };
}
