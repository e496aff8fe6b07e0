import type { Knex } from '@mikro-orm/knex';
import { itemAt } from '../lib/indexed';
import { T, type Batch, type Cell, type TableKey } from './tables';
import type { BulkSink, BulkWriter } from './writer';

interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
}

/** Rows per multi-row INSERT: far fewer statement calls, well under SQLite's 32,766 variables. */
const ROWS_PER_STATEMENT = 50;
/** Commit this often: one huge transaction would grow the WAL file without bound. */
const ROWS_PER_TRANSACTION = 250_000;

/** knex's connection pool, which its typings leave untyped: the writer holds connections of its own for the load. */
interface ConnectionPool {
  acquireConnection(): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection): Promise<void>;
}
const poolOf = (knex: Knex) => knex.client as ConnectionPool;

export async function openSqliteWriter(knex: Knex): Promise<BulkWriter> {
  const conn = await poolOf(knex).acquireConnection();
  const previousCache = conn.pragma('cache_size', { simple: true });
  // Ids are generated consistently, so foreign key lookups per row would only cost time;
  // a bigger page cache keeps the many secondary indexes' hot pages in memory while loading.
  conn.pragma('foreign_keys = OFF');
  conn.pragma('cache_size = -262144');
  const single = new Map<TableKey, Statement>();
  const multi = new Map<TableKey, Statement>();
  const statement = (key: TableKey, rows: number): Statement => {
    const cache = rows === 1 ? single : multi;
    let stmt = cache.get(key);
    if (!stmt) {
      const spec = T[key];
      const tuple = `(${spec.columns.map(() => '?').join(',')})`;
      stmt = conn.prepare(`INSERT INTO "${spec.name}" (${spec.columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`);
      cache.set(key, stmt);
    }
    return stmt;
  };
  const boolColumns = new Map<TableKey, number[]>();
  for (const key of Object.keys(T) as TableKey[]) {
    boolColumns.set(
      key,
      T[key].kinds.flatMap((kind, i) => (kind === 'bool' ? [i] : [])),
    );
  }

  let inTransaction = false;
  let sinceCommit = 0;
  const insert = (key: TableKey, rows: Cell[][]) => {
    const bools = boolColumns.get(key)!;
    const width = T[key].columns.length;
    const params = new Array<Cell>(width * ROWS_PER_STATEMENT);
    let filled = 0;
    for (const row of rows) {
      for (const i of bools) if (row[i] !== null) row[i] = row[i] ? 1 : 0;
      for (let c = 0; c < width; c++) params[filled * width + c] = itemAt(row, c);
      if (++filled === ROWS_PER_STATEMENT) {
        statement(key, ROWS_PER_STATEMENT).run(params);
        filled = 0;
      }
    }
    for (let r = 0; r < filled; r++) statement(key, 1).run(params.slice(r * width, (r + 1) * width));
    sinceCommit += rows.length;
  };

  return {
    kind: 'sqlite',
    parallelTables: true,
    async open(): Promise<BulkSink> {
      return {
        async write(batch: Batch) {
          if (!inTransaction) {
            conn.exec('BEGIN');
            inTransaction = true;
          }
          for (const key of Object.keys(batch) as TableKey[]) insert(key, batch[key] as Cell[][]);
          if (sinceCommit >= ROWS_PER_TRANSACTION) {
            conn.exec('COMMIT');
            inTransaction = false;
            sinceCommit = 0;
          }
        },
        async close() {
          if (inTransaction) conn.exec('COMMIT');
          inTransaction = false;
          sinceCommit = 0;
        },
      };
    },
    async query<R>(sql: string): Promise<R[]> {
      return conn.prepare(sql).all() as R[];
    },
    async finish() {
      // A sampled ANALYZE: exact statistics over millions of rows take long and plan no better.
      conn.pragma('analysis_limit = 2000');
      conn.exec('ANALYZE');
    },
    async release() {
      if (inTransaction) conn.exec('ROLLBACK');
      conn.pragma(`cache_size = ${Number(previousCache)}`);
      conn.pragma('foreign_keys = ON');
      await poolOf(knex).releaseConnection(conn);
    },
  };
}
