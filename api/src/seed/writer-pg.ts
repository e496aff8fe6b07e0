import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Knex } from '@mikro-orm/knex';
import { from as copyFrom } from 'pg-copy-streams';
import { itemAt } from '../lib/indexed';
import { T, type Batch, type Cell, type TableKey } from './tables';
import type { BulkSink, BulkWriter } from './writer';

interface PgClient {
  query(sql: string): Promise<{ rows: unknown[] }>;
  query<S extends Writable>(stream: S): S;
}

/** How far generation may run ahead of the server per table before waiting. */
const HIGH_WATER_MARK = 8 * 1024 * 1024;
/** COPY connections per table: measured 214 s instead of 294 s at S=1 on 2 cores. */
const STREAMS_PER_TABLE = 2;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** COPY's text format: tab-separated, `\N` for NULL, backslash escapes. */
function encodeRows(key: TableKey, rows: Cell[][]): string {
  const kinds = T[key].kinds;
  let out = '';
  for (const row of rows) {
    for (let c = 0; c < kinds.length; c++) {
      if (c > 0) out += '\t';
      const value = row[c];
      if (value === null) {
        out += '\\N';
        continue;
      }
      switch (kinds[c]) {
        case 'text': {
          const text = value as string;
          out += NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch] ?? ch) : text;
          break;
        }
        case 'ts':
          out += new Date(value as number).toISOString();
          break;
        case 'bool':
          out += value ? 't' : 'f';
          break;
        default:
          out += String(value);
      }
    }
    out += '\n';
  }
  return out;
}

interface Copy {
  client: PgClient;
  stream: Writable;
  done: Promise<unknown>;
}

/** knex's connection pool, which its typings leave untyped: the writer holds connections of its own for the load. */
interface ConnectionPool {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}
const poolOf = (knex: Knex) => knex.client as ConnectionPool;

async function startCopy(knex: Knex, key: TableKey, skipTriggers: boolean): Promise<Copy> {
  const client = await poolOf(knex).acquireConnection();
  if (skipTriggers) await client.query('SET session_replication_role = replica');
  const spec = T[key];
  const stream = client.query(copyFrom(`COPY "${spec.name}" (${spec.columns.map((c) => `"${c}"`).join(',')}) FROM STDIN`, { highWaterMark: HIGH_WATER_MARK }));
  const done = once(stream, 'finish');
  done.catch(() => undefined); // observed in close(); avoids an unhandled rejection meanwhile
  return { client, stream, done };
}

export async function openPgWriter(knex: Knex): Promise<BulkWriter> {
  const control = await poolOf(knex).acquireConnection();
  // Generated ids are consistent, and with triggers off the tables of one family can stream in
  // parallel on separate connections; only a superuser may do this, so fall back when refused.
  let skipTriggers = true;
  try {
    await control.query('SET session_replication_role = replica');
    await control.query('RESET session_replication_role');
  } catch {
    skipTriggers = false;
  }

  return {
    kind: 'postgresql',
    parallelTables: skipTriggers,
    async open(tables: readonly TableKey[]): Promise<BulkSink> {
      const streams = new Map<TableKey, Copy[]>();
      const all: Copy[] = [];
      try {
        for (const key of tables) {
          const copies: Copy[] = [];
          for (let i = 0; i < STREAMS_PER_TABLE; i++) copies.push(await startCopy(knex, key, skipTriggers));
          streams.set(key, copies);
          all.push(...copies);
        }
      } catch (error) {
        for (const copy of all) await poolOf(knex).releaseConnection(copy.client);
        throw error;
      }
      let turn = 0;
      return {
        async write(batch: Batch) {
          const waits: Array<Promise<unknown>> = [];
          // Chunks alternate between the table's connections: each server process maintains
          // the indexes of its share, so index upkeep uses both cores.
          const slot = turn++ % STREAMS_PER_TABLE;
          for (const key of Object.keys(batch) as TableKey[]) {
            const rows = batch[key] as Cell[][];
            const copies = streams.get(key);
            if (!copies) throw new Error(`table ${key} was not opened for this load`);
            if (rows.length === 0) continue;
            const target = itemAt(copies, slot);
            if (!target.stream.write(encodeRows(key, rows))) waits.push(Promise.race([once(target.stream, 'drain'), target.done]));
          }
          await Promise.all(waits);
        },
        async close() {
          try {
            for (const { stream } of all) stream.end();
            await Promise.all(all.map((copy) => copy.done));
          } finally {
            for (const { client } of all) {
              if (skipTriggers) await client.query('RESET session_replication_role').catch(() => undefined);
              await poolOf(knex).releaseConnection(client);
            }
          }
        },
      };
    },
    async query<R>(sql: string): Promise<R[]> {
      return (await control.query(sql)).rows as R[];
    },
    async finish(tables: readonly TableKey[]) {
      for (const key of tables) {
        const name = T[key].name;
        await control.query(`SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), COALESCE((SELECT MAX(id) FROM "${name}"), 0) + 1, false)`);
      }
      // VACUUM sets the visibility map (index-only scans for counts) and hint bits, so the first
      // segment counts after seeding do not pay for them; ANALYZE gives the planner statistics.
      for (const key of tables) await control.query(`VACUUM (ANALYZE) "${T[key].name}"`);
    },
    async release() {
      await poolOf(knex).releaseConnection(control);
    },
  };
}
