import type { Database } from '../../db/orm';
import type { FilterModel, OwnerPath, WriteTouch } from '../../filter/model/model';

/**
 * The capture triggers: for every table a registration says a write to it touches members
 * (model.writes), triggers that queue the touched member keys in `membership_change`, in the
 * writing transaction. They are generated from the registry, so no write path (ORM, bulk upsert,
 * raw insert, cascade, merge) can forget to record what it changed. PostgreSQL runs one trigger per
 * statement over its transition tables (a bulk upsert queues its members in one INSERT … SELECT);
 * SQLite, which has row triggers only, one per row. Every name and literal comes from the
 * registrations and is checked below: nothing from a request reaches this SQL.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const LITERAL = /^[A-Za-z0-9_]*$/;

function id(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain SQL identifier.`);
  return name;
}
function literal(value: string): string {
  if (!LITERAL.test(value)) throw new Error(`"${value}" is not a plain literal.`);
  return `'${value}'`;
}

/** Where the written row's columns are read: `NEW.x` in a SQLite row trigger, `r.x` over a transition table. */
interface RowSource {
  from: string | null;
  column(name: string): string;
}

/** One SELECT of member keys through one owner path, over the written rows. */
function keysThrough(path: OwnerPath, memberTable: (member: string) => string, member: string, row: RowSource, conditions: string[] = []): { joins: string[]; key: string; where: string[] } {
  switch (path.kind) {
    case 'column':
      return { joins: [], key: row.column(path.column), where: [...conditions, `${row.column(path.column)} IS NOT NULL`] };
    case 'through':
      return { joins: [`${id(path.table)} x`], key: `x.${id(path.owner)}`, where: [...conditions, `x.id = ${row.column(path.column)}`, `x.${id(path.owner)} IS NOT NULL`] };
    case 'referrers':
      return { joins: [`${id(memberTable(member))} x`], key: 'x.id', where: [...conditions, `x.${id(path.column)} = ${row.column(path.key ?? 'id')}`] };
    case 'matching':
      return {
        joins: [`${id(path.table)} x`],
        key: `x.${id(path.owner)}`,
        where: [...conditions, ...Object.entries(path.on).map(([theirs, ours]) => `x.${id(theirs)} = ${row.column(ours)}`), `x.${id(path.owner)} IS NOT NULL`],
      };
    case 'when': {
      const condition = path.lookup
        ? `EXISTS (SELECT 1 FROM ${id(path.lookup.table)} l WHERE l.id = ${row.column(path.column)} AND l.${id(path.lookup.column)} = ${literal(path.equals)})`
        : `${row.column(path.column)} = ${literal(path.equals)}`;
      return keysThrough(path.then, memberTable, member, row, [...conditions, condition]);
    }
  }
}

/**
 * The INSERT statements queueing what the written rows touch, one per owner path: the SELECTs of
 * each row version (`rows`: the old and new of an update) joined by UNION, so a record updated in
 * place is queued once, not twice.
 */
function queueStatements(model: FilterModel, write: WriteTouch, rows: readonly RowSource[]): string[] {
  const memberTable = (member: string) => model.members[member]?.table ?? '';
  return Object.entries(write.members).flatMap(([member, paths]) =>
    (paths ?? []).map((path) => {
      const selects = rows.map((row) => {
        const { joins, key, where } = keysThrough(path, memberTable, member, row);
        const from = [row.from, ...joins].filter((f): f is string => f !== null);
        return `SELECT ${literal(write.table)}, ${literal(member)}, ${key}` + (from.length ? ` FROM ${from.join(', ')}` : '') + ` WHERE ${where.join(' AND ')}`;
      });
      return `INSERT INTO membership_change (table_name, member_type, member_key) ${selects.join(' UNION ')}`;
    }),
  );
}

type Operation = 'insert' | 'update' | 'delete';
const OPERATIONS: readonly Operation[] = ['insert', 'update', 'delete'];
/** The row versions an operation has: inserts the new, deletes the old, updates both (a moved record touches both owners). */
const VERSIONS: Record<Operation, ReadonlyArray<'new' | 'old'>> = { insert: ['new'], update: ['old', 'new'], delete: ['old'] };

const triggerName = (table: string, op: Operation) => `membership_capture_${table}_${op}`;

/** The writes of the model grouped by table (several domains may touch through the same table). */
function writesByTable(model: FilterModel): Map<string, WriteTouch[]> {
  const byTable = new Map<string, WriteTouch[]>();
  for (const write of model.writes) byTable.set(id(write.table), [...(byTable.get(write.table) ?? []), write]);
  return byTable;
}

/** The DDL installing the triggers on SQLite (row triggers reading NEW and OLD). */
export function sqliteCaptureDdl(model: FilterModel): string[] {
  const ddl: string[] = [];
  for (const [table, writes] of writesByTable(model)) {
    for (const op of OPERATIONS) {
      const rows = VERSIONS[op].map((version): RowSource => ({ from: null, column: (c) => `${version.toUpperCase()}.${id(c)}` }));
      const body = writes.flatMap((write) => queueStatements(model, write, rows));
      ddl.push(`DROP TRIGGER IF EXISTS ${triggerName(table, op)}`);
      ddl.push(`CREATE TRIGGER ${triggerName(table, op)} AFTER ${op.toUpperCase()} ON ${table} FOR EACH ROW BEGIN ${body.map((s) => `${s};`).join(' ')} END`);
    }
  }
  return ddl;
}

/** The DDL installing the triggers on PostgreSQL (statement triggers over transition tables). */
export function postgresCaptureDdl(model: FilterModel): string[] {
  const ddl: string[] = [];
  for (const [table, writes] of writesByTable(model)) {
    for (const op of OPERATIONS) {
      const rows = VERSIONS[op].map((version): RowSource => ({ from: `${version}_rows r`, column: (c) => `r.${id(c)}` }));
      const body = writes.flatMap((write) => queueStatements(model, write, rows));
      const referencing = VERSIONS[op].map((version) => `${version.toUpperCase()} TABLE AS ${version}_rows`).join(' ');
      const name = triggerName(table, op);
      ddl.push(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body.map((s) => `${s};`).join(' ')} RETURN NULL; END $$`);
      ddl.push(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      ddl.push(`CREATE TRIGGER ${name} AFTER ${op.toUpperCase()} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
  }
  return ddl;
}

/** A fixed key for the advisory lock that serialises trigger installation across API processes. */
const INSTALL_LOCK = 73_310_001;

/**
 * Installs (or replaces) the capture triggers, in one transaction: run at every start after the
 * migrations, so the triggers always match the registrations of the code that runs.
 */
export async function installCapture(db: Database, model: FilterModel): Promise<void> {
  const connection = db.orm.em.getConnection();
  const ddl = db.kind === 'postgresql' ? postgresCaptureDdl(model) : sqliteCaptureDdl(model);
  await db.orm.em.fork().transactional(async (em) => {
    const tx: unknown = em.getTransactionContext();
    if (db.kind === 'postgresql') await connection.execute(`SELECT pg_advisory_xact_lock(${INSTALL_LOCK})`, [], 'all', tx);
    for (const statement of ddl) await connection.execute(statement, [], 'run', tx);
  });
}

/** The DDL removing the triggers (bulk loads go around them: see withoutCapture). */
function dropDdl(db: Database, model: FilterModel): string[] {
  return [...writesByTable(model).keys()].flatMap((table) =>
    OPERATIONS.flatMap((op) => (db.kind === 'postgresql' ? [`DROP TRIGGER IF EXISTS ${triggerName(table, op)} ON ${table}`] : [`DROP TRIGGER IF EXISTS ${triggerName(table, op)}`])),
  );
}

/**
 * Runs a bulk load (the demo data generator) without the capture triggers: a million queued rows
 * would only say "everything changed", and queueing them would slow the load. The triggers come
 * back afterwards and every maintained membership is dropped, so the maintainer rebuilds each from
 * scratch. Only for loads with no API process writing at the same time (a first start, the seed CLI).
 */
export async function withoutCapture<T>(db: Database, model: FilterModel, load: () => Promise<T>): Promise<T> {
  const connection = db.orm.em.getConnection();
  for (const statement of dropDdl(db, model)) await connection.execute(statement, [], 'run');
  try {
    return await load();
  } finally {
    await installCapture(db, model);
    await connection.execute('DELETE FROM membership_change', [], 'run');
    await connection.execute('DELETE FROM segment_membership_state', [], 'run');
  }
}
