import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDefaults } from '../../seed/defaults';
import { migrate } from '../orm';
import { openDatabase } from '../../database';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the SQLite database on disk', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-modes-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is created owner-only: folder 0700, database, -wal and -shm 0600', async () => {
    // As npm start runs with a usual umask: what the API creates must not rely on a strict one.
    const umask = process.umask(0o022);
    try {
      const file = path.join(root, 'fresh', 'data', 'segmenta.sqlite');
      const db = await openDatabase(`sqlite:${file}`);
      try {
        await migrate(db);
        await ensureDefaults(db);
        expect(await db.read('select count(*) as n from app_user', [])).toEqual([{ n: 1 }]);
        expect(modeOf(path.dirname(file))).toBe(0o700);
        expect([file, `${file}-wal`, `${file}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
      } finally {
        await db.close();
      }
    } finally {
      process.umask(umask);
    }
  });

  it('is tightened to owner-only when it was readable by others, its existing folder left alone', async () => {
    const folder = path.join(root, 'shared');
    fs.mkdirSync(folder, { mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    const file = path.join(folder, 'old.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    const db = await openDatabase(`sqlite:${file}`);
    try {
      await migrate(db);
      expect([file, `${file}-wal`, `${file}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
      expect(modeOf(folder)).toBe(0o755);
    } finally {
      await db.close();
    }
  });
});
