import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { inject } from 'vitest';
import type { DatabaseKind } from '../src/db/orm.config';
import type { HeavyReadSettings } from '../src/config/config';
import type { Database } from '../src/db/orm';
import { openDatabase, prepareDatabase } from '../src/database';

/** Both engines every integration test runs on. */
export const engines: DatabaseKind[] = ['sqlite', 'postgresql'];

/**
 * A new, empty, migrated database of the given engine: a temp SQLite file, or a fresh database on
 * the run's PostgreSQL server. `drop()` closes and removes it. `reads`: the heavy-read pool and
 * gate settings (default: this process's configuration, as `npm start` opens it).
 */
export async function freshDatabase(kind: DatabaseKind, reads?: HeavyReadSettings): Promise<{ db: Database; url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-test-'));
    const url = `sqlite:${path.join(dir, 'test.sqlite')}`;
    const db = await openDatabase(url, {}, reads);
    await prepareDatabase(db);
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = new URL(inject('postgresUrl'));
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(serverUrl.toString());
  dbUrl.pathname = `/${name}`;
  const db = await openDatabase(dbUrl.toString(), {}, reads);
  await prepareDatabase(db);
  return {
    db,
    url: dbUrl.toString(),
    drop: async () => {
      await db.close();
      const cleanup = new Client({ connectionString: serverUrl.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
