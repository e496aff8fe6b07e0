import fs from 'node:fs';
import path from 'node:path';

/** A CRM database holds personal data: only the account running the API may read it. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Readies a SQLite file before the driver opens it: a missing folder is created owner-only, the
 * file is created (or tightened) owner-only, and so are its -wal and -shm files if they are left
 * from before. SQLite creates new -wal and -shm files with the mode of the database file, so they
 * follow. An existing folder is left as it is: it may be shared (e.g. /tmp), and it is not ours.
 */
export function prepareSqliteFile(file: string): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
    fs.chmodSync(folder, FOLDER_MODE);
  }
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'wx', FILE_MODE));
  for (const own of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(own) && (fs.statSync(own).mode & 0o777) !== FILE_MODE) fs.chmodSync(own, FILE_MODE);
  }
}
