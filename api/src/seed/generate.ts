/**
 * Fills an empty CRM with a realistic, deterministic demo base at scale S (S=1: 1,000,000
 * contacts; see seedCounts). Bulk rows bypass the ORM's unit of work: each table family is
 * generated in bounded chunks and streamed through the engine's fastest path (writer.ts).
 */
import { firstRow } from '../lib/indexed';
import type { Database } from '../db/orm';
import { AddressBook } from './addresses';
import { ensureDefaults } from './defaults';
import type { Counters, Family, World } from './family';
import { companiesFamily } from './generate-companies';
import { contactsFamily } from './generate-contacts';
import { dealsFamily, productInfo, productsFamily } from './generate-deals';
import { leadsFamily } from './generate-leads';
import { activitiesFamily, ordersFamily } from './generate-orders';
import { DAY, Keys, seedCounts, type SeedCounts } from './plan';
import { Weighted } from './random';
import { createSetup } from './setup';
import { T, type Batch, type TableKey } from './tables';
import { crmModel } from '../segments/filtering/crm-model';
import { withoutCapture } from '../segments/membership/capture';
import { openBulkWriter, type BulkWriter } from './writer';

export { seedCounts, type SeedCounts };

export interface SeedOptions {
  /** 1 = 1,000,000 contacts; 0.001 = 1,000. */
  scale: number;
  seed?: number;
  /** The "now" of the generated history; defaults to the start of the current UTC day. */
  now?: Date;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  family: string;
  owners: number;
  totalOwners: number;
  /** Rows written so far by this family, per table name. */
  rows: Record<string, number>;
  elapsedMs: number;
  done: boolean;
}

export interface FamilyReport {
  family: string;
  rows: Record<string, number>;
  ms: number;
}

export interface SeedReport {
  scale: number;
  seed: number;
  counts: SeedCounts;
  families: FamilyReport[];
  /** Rows inserted per table name. */
  rows: Record<string, number>;
  ms: number;
}

async function countRows(db: Database, table: string): Promise<number> {
  const row = firstRow(await db.fork().getConnection().execute<Array<{ n: number | string }>>(`SELECT COUNT(*) AS n FROM "${table}"`));
  return Number(row.n);
}

async function maxIds(db: Database): Promise<Record<TableKey, number>> {
  const connection = db.fork().getConnection();
  const base = {} as Record<TableKey, number>;
  for (const key of Object.keys(T) as TableKey[]) {
    const row = firstRow(await connection.execute<Array<{ m: number | string }>>(`SELECT COALESCE(MAX(id), 0) AS m FROM "${T[key].name}"`));
    base[key] = Number(row.m);
  }
  return base;
}

export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const seed = options.seed ?? 42;
  const now = options.now?.getTime() ?? Math.floor(Date.now() / DAY) * DAY;
  if (!(options.scale > 0)) throw new Error(`scale must be a positive number, got ${options.scale}`);
  const counts = seedCounts(options.scale);

  const adminId = await ensureDefaults(db);
  for (const table of ['contact', 'company', 'lead', 'deal']) {
    if ((await countRows(db, table)) > 0) throw new Error(`The CRM already has data (table "${table}" is not empty); demo data is only generated into an empty CRM.`);
  }
  const setup = await createSetup(db, seed, counts.users, new Date(now));
  const products = Array.from({ length: counts.products }, (_, i) => productInfo(seed, i + 1));
  const world: World = {
    seed,
    now,
    counts,
    keys: new Keys(seed, counts, now),
    setup,
    // A few employees own most records, as in real sales teams.
    responsible: new Weighted(setup.userIds.map((id, i) => [id, 1 / Math.pow(i + 1, 0.6)] as const)),
    adminId,
    base: await maxIds(db),
    addresses: new AddressBook(counts.communications, now),
    productUsd: Float64Array.from(products, (p) => p.usd),
  };
  const names = products.map((p) => p.name);
  const families = [productsFamily(world, names), companiesFamily(world), contactsFamily(world), leadsFamily(world), dealsFamily(world, names), ordersFamily(world), activitiesFamily(world)];

  const report: SeedReport = { scale: options.scale, seed, counts, families: [], rows: {}, ms: 0 };
  // Around the membership capture triggers: every maintained membership is rebuilt afterwards.
  await withoutCapture(db, crmModel, () => loadFamilies(db, world, families, report, adminId, options.onProgress));
  for (const family of report.families) {
    for (const [table, n] of Object.entries(family.rows)) report.rows[table] = (report.rows[table] ?? 0) + n;
  }
  report.ms = Date.now() - started;
  return report;
}

/** Streams every family, then the stop list, through one bulk writer. */
async function loadFamilies(db: Database, world: World, families: Family[], report: SeedReport, adminId: number, onProgress?: (p: SeedProgress) => void): Promise<void> {
  const writer = await openBulkWriter(db);
  try {
    const counters: Counters = { communication: 0, customValue: 0, productRow: 0 };
    for (const family of families) report.families.push(await load(writer, family, counters, onProgress));
    const stopRows = world.addresses.stopListRows(world.base.stopList + 1, adminId);
    const stopList: Family = {
      name: 'stop list',
      tables: ['stopList'],
      owners: stopRows.length,
      *chunks() {
        yield { owners: stopRows.length, stopList: stopRows };
      },
    };
    report.families.push(await load(writer, stopList, counters, onProgress));
    await writer.finish(Object.keys(T) as TableKey[]);
  } finally {
    await writer.release();
  }
}

/**
 * Streams one family. When the writer cannot take its tables at once (PostgreSQL without the
 * right to skip foreign key triggers), the family is generated once per table, parents first:
 * generation is deterministic, so every pass yields the same ids.
 */
async function load(writer: BulkWriter, family: Family, counters: Counters, onProgress?: (p: SeedProgress) => void): Promise<FamilyReport> {
  const started = Date.now();
  const rows: Record<string, number> = {};
  const passes: TableKey[][] = writer.parallelTables ? [family.tables] : family.tables.map((t) => [t]);
  let end = counters;
  for (const tables of passes) {
    const local = { ...counters };
    const sink = await writer.open(tables);
    let owners = 0;
    try {
      for (const chunk of family.chunks(local)) {
        const batch: Batch = {};
        for (const key of tables) {
          const part = chunk[key];
          if (!part) continue;
          batch[key] = part;
          rows[T[key].name] = (rows[T[key].name] ?? 0) + part.length;
        }
        await sink.write(batch);
        owners += chunk.owners;
        onProgress?.({ family: family.name, owners, totalOwners: family.owners, rows: { ...rows }, elapsedMs: Date.now() - started, done: false });
      }
    } finally {
      await sink.close();
    }
    end = local;
  }
  Object.assign(counters, end);
  onProgress?.({ family: family.name, owners: family.owners, totalOwners: family.owners, rows: { ...rows }, elapsedMs: Date.now() - started, done: true });
  return { family: family.name, rows, ms: Date.now() - started };
}
