import type { Config } from '../config/config';
import { createExportPool, type ExportPool } from '../db/export-pool';
import type { Database } from '../db/orm';
import { ExportAdmission } from './export-admission';

/**
 * What CSV downloads may hold in one API process: places (the caps, export-admission.ts) and
 * connections or threads (export-pool.ts). Made once per app; closed with the server.
 */
export interface ExportCapacity {
  admission: ExportAdmission;
  pool: ExportPool;
  /** Downloads running now (waiting for a connection included). */
  readonly active: number;
  close(): Promise<void>;
}

export function createExportCapacity(db: Database, config: Config): ExportCapacity {
  const limits = config.exportLimits;
  const admission = new ExportAdmission(limits);
  // A download waits for a connection at most as long as a stalled one may hold it: by then a
  // stalled holder has been aborted, so a longer wait means the pool is busy with real work.
  const pool = createExportPool(db, { size: limits.poolSize, waitMs: limits.idleTimeoutMs });
  return {
    admission,
    pool,
    get active() {
      return admission.active;
    },
    close: () => pool.close(),
  };
}
