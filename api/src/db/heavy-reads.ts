import { Client, Pool, type ClientConfig, type PoolClient, type QueryResult } from 'pg';
import { queryTimeoutError } from '../errors/limit-error';
import { listenWhileCheckedOut } from './checked-out';
import type { TimeLimit } from './heavy-read-gate';

/**
 * PostgreSQL connections for heavy reads (counts, pages, previews, membership checks, list
 * totals), in a pool of their own: however many of them run, sign-in, writes and /healthz keep
 * the ORM's pool to themselves (found by the red team: three 200-rule previews took every pooled
 * connection and /healthz, sign-in and other users waited 184 s, then failed with KnexTimeoutError).
 *
 * The time limit is enforced from both sides. The server's `statement_timeout` (a session setting
 * of these connections, equal to the limit) covers planning and execution; the client's own timer
 * covers everything else (waiting for a connection, the time already spent, a server that does
 * not honour the setting): at the deadline it cancels the backend with pg_cancel_backend on a
 * separate connection, and at the deadline + GIVE_UP_MS the caller has QUERY_TIMEOUT whatever the
 * server did, and the connection is destroyed rather than reused.
 *
 * A read is the statement alone, one round trip and one statement for the server: the settings
 * live on the connection (read-only from its start, the timeout set again only when a read asks
 * for another one). Wrapping each read in BEGIN READ ONLY; SET LOCAL …; COMMIT made the server
 * run four statements for one (about 0.2 ms of API CPU per count in `npm run bench -- --only
 * fixed`; no wall-time difference above the noise on loopback).
 */
export const NAME = 'segmenta-heavy-read';
/** How long after the deadline the caller is answered even if the server has not stopped. */
const GIVE_UP_MS = 800;
/** PostgreSQL's SQLSTATE for a cancelled statement (statement_timeout or pg_cancel_backend). */
const QUERY_CANCELED = '57014';

export class PostgresHeavyReads {
  private readonly pool: Pool;
  /** The statement_timeout each pooled connection has now (ms, 0: none), as settle() set it. */
  private readonly timeouts = new WeakMap<PoolClient, number>();

  constructor(
    private readonly settings: ClientConfig,
    size: number,
    /** Inlines the parameters the way MikroORM does for every other statement of the app. */
    private readonly format: (sql: string, params: unknown[]) => string,
  ) {
    // Read-only for the connection's whole life: every read runs in a transaction of its own that
    // cannot write, without a BEGIN READ ONLY per read.
    this.pool = new Pool({ ...settings, application_name: NAME, max: size, idleTimeoutMillis: 30_000, options: [settings.options, '-c default_transaction_read_only=on'].filter(Boolean).join(' ') });
    // An idle connection that breaks (server restart) must not crash the process; the next read reconnects.
    this.pool.on('error', () => undefined);
  }

  async read<T>(sql: string, params: unknown[], limit: TimeLimit | null): Promise<T[]> {
    const statement = this.format(sql, params);
    const client = await this.connect(limit);
    let cancelling: Promise<void> | null = null;
    let outcome: 'ok' | 'failed' | 'abandoned' = 'failed';
    let query: Promise<QueryResult> | null = null;
    try {
      await this.settle(client, limit?.timeoutMs ?? 0);
      const remaining = limit ? Math.max(1, Math.ceil(limit.deadline - performance.now())) : 0;
      const running = (query = client.query(statement));
      if (!limit) {
        const rows = (await running).rows as T[];
        outcome = 'ok';
        return rows;
      }
      const result = await new Promise<QueryResult>((resolve, reject) => {
        const cancelTimer = setTimeout(() => {
          cancelling = this.cancel(client);
        }, remaining);
        const giveUpTimer = setTimeout(() => {
          outcome = 'abandoned';
          reject(queryTimeoutError(limit.timeoutMs));
        }, remaining + GIVE_UP_MS);
        const done = () => {
          clearTimeout(cancelTimer);
          clearTimeout(giveUpTimer);
        };
        running.then(
          (value) => (done(), resolve(value)),
          (error: Error & { code?: string }) => (done(), reject(error.code === QUERY_CANCELED ? queryTimeoutError(limit.timeoutMs) : error)),
        );
      });
      outcome = 'ok';
      return result.rows as T[];
    } finally {
      this.giveBack(client, query, outcome, cancelling);
    }
  }

  /**
   * The connection's statement_timeout made the one this read asks for (0: none), in one SET when
   * it differs from what the connection has; a failed SET leaves the setting unknown, so the next
   * read sets it again.
   */
  private async settle(client: PoolClient, timeoutMs: number): Promise<void> {
    if (this.timeouts.get(client) === timeoutMs) return;
    this.timeouts.delete(client);
    await client.query(`SET statement_timeout = ${Math.max(0, Math.floor(timeoutMs))}`);
    this.timeouts.set(client, timeoutMs);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A connection within the time limit: past it, QUERY_TIMEOUT, and a connection that comes later goes straight back. */
  private connect(limit: TimeLimit | null): Promise<PoolClient> {
    const pending = this.pool.connect().then(listenWhileCheckedOut);
    if (!limit) return pending;
    return new Promise<PoolClient>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(
        () => {
          late = true;
          reject(queryTimeoutError(limit.timeoutMs));
        },
        Math.max(0, limit.deadline - performance.now()),
      );
      pending.then(
        (client) => {
          clearTimeout(timer);
          if (late) client.release();
          else resolve(client);
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * Back to the pool clean: after a cancel the cancel request is awaited first, so it can never
   * reach the next statement on that connection. A read is one statement in autocommit, so a
   * failed one leaves no transaction behind; the connection is asked once whether it still answers,
   * and dropped if not. A connection whose statement never answered is destroyed.
   */
  private giveBack(client: PoolClient, query: Promise<unknown> | null, outcome: 'ok' | 'failed' | 'abandoned', cancelling: Promise<void> | null): void {
    void (async () => {
      if (outcome === 'abandoned') {
        client.release(new Error('abandoned after the time limit'));
        await query?.catch(() => undefined);
        return;
      }
      await cancelling;
      if (outcome === 'ok') return client.release();
      // What the failed statement did to the session is unknown: the next read sets the timeout again.
      this.timeouts.delete(client);
      try {
        await client.query('SELECT 1');
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    })();
  }

  /** pg_cancel_backend from a separate, short-lived connection (the pool may be full). */
  private async cancel(client: PoolClient): Promise<void> {
    const pid = (client as unknown as { processID: number | null }).processID;
    if (!pid) return;
    const canceller = new Client({ ...this.settings, application_name: `${NAME}-cancel`, connectionTimeoutMillis: GIVE_UP_MS, query_timeout: GIVE_UP_MS });
    // Its failures are the awaited calls' own; an event after them must not end the process.
    canceller.on('error', () => undefined);
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      // The caller is answered at the give-up time all the same, and the connection destroyed.
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }
}
