import type { PoolClient } from 'pg';

/**
 * pg-pool takes its own 'error' listener off a client while the client is checked out. An error
 * the client emits then with no statement to hand it to — the socket closing after
 * pg_terminate_backend already failed the running statement, a FATAL arriving after it — had no
 * listener, so it was an uncaught exception that ends the process (a full test run caught one in
 * faults.test.ts, the export backend terminated mid-download). A checked-out client gets a listener
 * of its own until it goes back healthy; the statement that was running has reported the failure
 * already, and a client given back as broken is destroyed, its late events ignored.
 */
export function listenWhileCheckedOut(client: PoolClient): PoolClient {
  const ignore = () => undefined;
  client.on('error', ignore);
  const release = client.release.bind(client);
  client.release = (destroy?: boolean | Error) => {
    if (!destroy) client.removeListener('error', ignore);
    return release(destroy);
  };
  return client;
}
