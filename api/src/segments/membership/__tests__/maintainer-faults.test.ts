import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { engines } from '../../../../test/databases';
import { MembershipMaintainer } from '../../maintainer';

const CHILD = path.resolve(__dirname, '../../../../test/processes/maintainer-child.ts');
const CONTACTS = 3_000;

/**
 * The maintainer killed mid-work (SIGKILL, so no cleanup runs) loses nothing and leaves no
 * half-applied batch: after a restart the membership equals the live answer and the queue is empty.
 */
describe.each(engines)('a maintainer killed mid-work on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => api?.close());

  it('converges after a restart', async () => {
    const connection = api.db.orm.em.getConnection();
    const now = api.db.kind === 'sqlite' ? Date.now() : new Date();
    for (let i = 0; i < CONTACTS; i += 500) {
      const rows = Array.from({ length: Math.min(500, CONTACTS - i) }, (_, j) => i + j + 1);
      await connection.execute(
        `INSERT INTO contact (id, first_name, city, city_folded, created_at, updated_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flatMap((id) => [id, `c${id}`, id % 2 ? 'Gdańsk' : 'Poznań', id % 2 ? 'gdańsk' : 'poznań', now, now]),
      );
    }
    await api.exec(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { errors { message } } }`, {
      input: { name: 'Gdańsk', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Gdańsk' } } }] } },
    });
    const maintainer = new MembershipMaintainer(api.db, api.config);
    await maintainer.runOnce();
    // Every contact moves city: thousands of queued changes, drained 100 at a time by the child.
    await connection.execute(`UPDATE contact SET city = CASE WHEN city = 'Gdańsk' THEN 'Poznań' ELSE 'Gdańsk' END, city_folded = CASE WHEN city_folded = 'gdańsk' THEN 'poznań' ELSE 'gdańsk' END`);
    const queued = async () => Number(((await connection.execute('SELECT COUNT(*) AS n FROM membership_change')) as Array<{ n: number | string }>)[0]?.n);
    expect(await queued()).toBe(CONTACTS);

    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      env: { ...process.env, DATABASE_URL: api.url, MEMBERSHIP_BATCH_SIZE: '100', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Killed after its third batch: mid-drain, possibly inside the fourth batch's transaction.
    await new Promise<void>((resolve, reject) => {
      let batches = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        batches += chunk
          .toString()
          .split('\n')
          .filter((line) => line.startsWith('batch')).length;
        if (batches >= 3) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => (batches < 3 ? reject(new Error(`the child maintainer exited early (${code})`)) : undefined));
    });
    await new Promise((resolve) => child.on('close', resolve));
    const left = await queued();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(CONTACTS);

    for (let pass = 0; pass < 10 && (await maintainer.runOnce()).busy; pass++);
    expect(await queued()).toBe(0);
    const [kept] = (await connection.execute("SELECT COUNT(*) AS n FROM segment_membership sm JOIN contact m ON m.id = sm.member_key WHERE m.city = 'Gdańsk'")) as Array<{ n: number | string }>;
    const [all] = (await connection.execute('SELECT COUNT(*) AS n FROM segment_membership')) as Array<{ n: number | string }>;
    const [size] = (await connection.execute('SELECT members AS n FROM segment_membership_size')) as Array<{ n: number | string }>;
    expect(Number(kept?.n)).toBe(CONTACTS / 2);
    expect(Number(all?.n)).toBe(CONTACTS / 2);
    expect(Number(size?.n)).toBe(CONTACTS / 2);
  }, 120_000);
});

/**
 * Two API processes on one PostgreSQL each run a maintainer: the advisory lock lets one apply a
 * batch at a time, so the rows converge and no member enters twice without leaving in between.
 */
describe('two maintainers on one PostgreSQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgresql');
  });
  afterAll(async () => api?.close());

  it('take turns', async () => {
    const connection = api.db.orm.em.getConnection();
    const now = new Date();
    const rows = Array.from({ length: 400 }, (_, i) => i + 1);
    await connection.execute(
      `INSERT INTO contact (id, first_name, city, city_folded, created_at, updated_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((id) => [id, `c${id}`, 'Gdańsk', 'gdańsk', now, now]),
    );
    await api.exec(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { errors { message } } }`, {
      input: { name: 'Gdańsk', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Gdańsk' } } }] } },
    });
    const config = { ...api.config, membership: { ...api.config.membership, batchSize: 25 } };
    const [a, b] = [new MembershipMaintainer(api.db, config), new MembershipMaintainer(api.db, config)];
    await a.runOnce();
    for (let round = 0; round < 6; round++) {
      // Half the contacts flip city while both maintainers drain.
      const flip = connection.execute(`UPDATE contact SET city_folded = CASE WHEN city_folded = 'gdańsk' THEN 'opole' ELSE 'gdańsk' END WHERE id % 2 = ?`, [round % 2]);
      await Promise.all([flip, a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    }
    for (let pass = 0; pass < 20 && ((await a.runOnce()).busy || (await b.runOnce()).busy); pass++);
    const [kept] = (await connection.execute('SELECT COUNT(*) AS n FROM segment_membership')) as Array<{ n: number | string }>;
    const [live] = (await connection.execute("SELECT COUNT(*) AS n FROM contact WHERE city_folded = 'gdańsk'")) as Array<{ n: number | string }>;
    expect(Number(kept?.n)).toBe(Number(live?.n));
    const events = (await connection.execute('SELECT member_key, kind FROM segment_membership_event ORDER BY id')) as Array<{ member_key: number; kind: string }>;
    expect(events.length).toBeGreaterThan(0);
    const last = new Map<number, string>();
    for (const event of events) {
      expect(last.get(event.member_key), `contact ${event.member_key}`).not.toBe(event.kind);
      last.set(event.member_key, event.kind);
    }
  }, 120_000);
});
