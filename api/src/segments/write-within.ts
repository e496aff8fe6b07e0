import type { ServerResponse } from 'node:http';

/** The client took nothing of what was written for `idleMs`: a stalled (or hostile) download. */
export class ClientStalled extends Error {
  constructor(readonly idleMs: number) {
    super(`The client read nothing for ${idleMs} ms.`);
    this.name = 'ClientStalled';
  }
}

/**
 * Writes one chunk with backpressure and a deadline. `write` returning false means the socket's
 * buffer is full (the kernel took what it could); the next chunk is written only after 'drain',
 * so at most one chunk waits in memory. A client that does not drain within `idleMs` gets
 * ClientStalled, and the caller aborts the download: a paused or vanished client can no longer
 * keep a cursor and its connection open. Resolves at once when the response is already closed
 * (the caller checks `res.destroyed`/its own flag).
 */
export function writeWithin(res: ServerResponse, chunk: string, idleMs: number): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.resolve();
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(() => reject(new ClientStalled(idleMs))), idleMs);
    const done = () => settle(resolve);
    function settle(outcome: () => void) {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      outcome();
    }
    res.on('drain', done);
    res.on('close', done);
  });
}
