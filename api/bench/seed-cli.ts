/**
 * `npm run seed -w api -- --scale S [--seed N]`: migrates DATABASE_URL and fills it with demo
 * data at scale S (default SEED_SCALE, else 0.001), printing progress and per-table timings.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { openDatabase, prepareDatabase } from '../src/database';
import { itemAt } from '../src/lib/indexed';
import { parseDatabaseUrl } from '../src/db/orm.config';
import { seedDemoData, type SeedProgress } from '../src/seed/generate';

function parseArgs(argv: string[], defaultScale: number): { scale: number; seed: number } {
  const args = { scale: defaultScale, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = itemAt(argv, i).split('=', 2);
    if (flag !== '--scale' && flag !== '--seed') throw new Error(`Unknown argument "${argv[i]}". Usage: seed [--scale S] [--seed N]`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (raw === undefined || !Number.isFinite(value) || value <= 0 || (flag === '--seed' && !Number.isInteger(value))) {
      throw new Error(`${flag} needs a positive ${flag === '--seed' ? 'integer' : 'number'}, got "${raw ?? ''}"`);
    }
    args[flag === '--scale' ? 'scale' : 'seed'] = value;
  }
  return args;
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const config = loadConfig();
  const { scale, seed } = parseArgs(process.argv.slice(2), config.seedScale);
  const target = parseDatabaseUrl(config.databaseUrl);
  console.log(`Seeding ${target.kind} (${target.kind === 'sqlite' ? target.location : target.location.replace(/\/\/[^@]*@/, '//***@')}) at scale ${scale}, seed ${seed}`);

  const db = await openDatabase(config.databaseUrl);
  try {
    const applied = await prepareDatabase(db);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    let lastPrint = 0;
    const onProgress = (p: SeedProgress) => {
      const time = (p.elapsedMs / 1000).toFixed(1);
      if (p.done) {
        const rows = Object.entries(p.rows)
          .map(([table, n]) => `${table} ${fmt(n)}`)
          .join(', ');
        const total = Object.values(p.rows).reduce((a, b) => a + b, 0);
        const rate = p.elapsedMs > 0 ? Math.round((total * 1000) / p.elapsedMs) : total;
        console.log(`  ${p.family.padEnd(11)} ${time.padStart(7)} s  ${fmt(rate).padStart(9)} rows/s  ${rows}`);
      } else if (process.stdout.isTTY && Date.now() - lastPrint > 500) {
        lastPrint = Date.now();
        process.stdout.write(`  ${p.family} ${fmt(p.owners)}/${fmt(p.totalOwners)} (${time} s)\r`);
      }
    };
    const report = await seedDemoData(db, { scale, seed, onProgress });
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    console.log(`Done: ${fmt(total)} rows in ${(report.ms / 1000).toFixed(1)} s (${fmt(Math.round((total * 1000) / report.ms))} rows/s, including statistics).`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
