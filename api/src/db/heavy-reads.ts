import { Client, Pool, type ClientConfig, type PoolClient, type QueryResult } from 'pg';
import { queryTimeoutError } from '../limits/query-timeout';
import type { TimeLimit } from './heavy-read-gate';

/**
 * PostgreSQL connections for heavy reads (counts, pages, previews, membership checks, list
 * totals), in a pool of their own: however many of them run, sign-in, writes and /healthz keep
 * the ORM's pool to themselves (found by the red team: three 200-rule previews took every pooled
 * connection and /healthz, sign-in and other users waited 184 s, then failed with KnexTimeoutError).
 *
 * The time limit is enforced from both sides. The server's `SET LOCAL statement_timeout` covers
 * planning and execution; the client's own timer covers everything else (waiting for a
 * connection, a server that does not honour the setting): at the deadline it cancels the backend
 * with pg_cancel_backend on a separate connection, and at the deadline + GIVE_UP_MS the caller has
 * QUERY_TIMEOUT whatever the server did, and the connection is destroyed rather than reused.
 */
export const NAME = 'segmenta-heavy-read';
/** How long after the deadline the caller is answered even if the server has not stopped. */
const GIVE_UP_MS = 800;
/** PostgreSQL's SQLSTATE for a cancelled statement (statement_timeout or pg_cancel_backend). */
const QUERY_CANCELED = '57014';

export class PostgresHeavyReads {
  private readonly pool: Pool;

  constructor(
    private readonly settings: ClientConfig,
    size: number,
    /** Inlines the parameters the way MikroORM does for every other statement of the app. */
    private readonly format: (sql: string, params: unknown[]) => string,
  ) {
    this.pool = new Pool({ ...settings, application_name: NAME, max: size, idleTimeoutMillis: 30_000 });
    // An idle connection that breaks (server restart) must not crash the process; the next read reconnects.
    this.pool.on('error', () => undefined);
  }

  async read<T>(sql: string, params: unknown[], limit: TimeLimit | null): Promise<T[]> {
    const statement = this.format(sql, params).replace(/[\s;]+$/, '');
    const client = await this.connect(limit);
    if (!limit) {
      try {
        return (await client.query(statement)).rows as T[];
      } finally {
        client.release();
      }
    }
    const remaining = Math.max(1, Math.ceil(limit.deadline - performance.now()));
    // One round trip: the transaction, the setting, the statement, the commit. LOCAL ends with the
    // transaction, so the pooled connection keeps no setting. Line breaks: a trailing `-- comment`
    // in the statement cannot swallow the COMMIT.
    const query = client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${remaining};\n${statement}\n; COMMIT`) as unknown as Promise<QueryResult[]>;
    let cancelling: Promise<void> | null = null;
    let outcome: 'ok' | 'failed' | 'abandoned' = 'failed';
    try {
      const results = await new Promise<QueryResult[]>((resolve, reject) => {
        const cancelTimer = setTimeout(() => (cancelling = this.cancel(client)), remaining);
        const giveUpTimer = setTimeout(() => {
          outcome = 'abandoned';
          reject(queryTimeoutError(limit.timeoutMs));
        }, remaining + GIVE_UP_MS);
        const done = () => {
          clearTimeout(cancelTimer);
          clearTimeout(giveUpTimer);
        };
        query.then(
          (value) => (done(), resolve(value)),
          (error: { code?: string }) => (done(), reject(error.code === QUERY_CANCELED ? queryTimeoutError(limit.timeoutMs) : error)),
        );
      });
      outcome = 'ok';
      // One result per statement: BEGIN, SET, the read, COMMIT.
      return results[2].rows as T[];
    } finally {
      this.giveBack(client, query, outcome, cancelling);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A connection within the time limit: past it, QUERY_TIMEOUT, and a connection that comes later goes straight back. */
  private connect(limit: TimeLimit | null): Promise<PoolClient> {
    const pending = this.pool.connect();
    if (!limit) return pending;
    return new Promise<PoolClient>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(queryTimeoutError(limit.timeoutMs));
      }, Math.max(0, limit.deadline - performance.now()));
      pending.then(
        (client) => {
          clearTimeout(timer);
          if (late) client.release();
          else resolve(client);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * Back to the pool clean: after a failure the aborted transaction is rolled back; after a cancel
   * the cancel request is awaited first, so it can never reach the next statement on that
   * connection. A connection whose statement never answered is destroyed.
   */
  private giveBack(client: PoolClient, query: Promise<unknown>, outcome: 'ok' | 'failed' | 'abandoned', cancelling: Promise<void> | null): void {
    void (async () => {
      if (outcome === 'abandoned') {
        client.release(new Error('abandoned after the time limit'));
        await query.catch(() => undefined);
        return;
      }
      await cancelling;
      if (outcome === 'ok') return client.release();
      try {
        await client.query('ROLLBACK');
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
