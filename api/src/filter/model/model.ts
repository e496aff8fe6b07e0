import type { ProblemCode } from '../language/problems';
import type { Dialect } from '../sql/dialect';
import type { IrGroup } from './ir';

/**
 * What the filter engine knows of the data it filters: only what the domains registered (see
 * segments/filtering/crm-model.ts, which assembles the CRM's registrations). The engine itself holds no
 * table, column, scope or member name; member types, subjects and scopes are plain strings here.
 */
export interface FilterModel {
  /** Member types by name: segments count and page rows of these. */
  members: Readonly<Record<string, MemberDef>>;
  /** Scopes by name: the related records a scoped group tests. */
  scopes: Readonly<Record<string, ScopeDef>>;
  /** Rules over the resolved tree a domain imposes (a deal stage needs a pipeline beside it). */
  checks: readonly TreeCheck[];
  /** Which member keys a write to each table touches: what maintained membership re-evaluates. */
  writes: readonly WriteTouch[];
}

/** Rows of a member type live in `table` (aliased `m`); fields of `reaches`' subjects apply to them. */
export interface MemberDef {
  table: string;
  /** How the member reaches the row of each subject it can test; any other subject is an absent value. */
  reaches: Readonly<Record<string, Reach>>;
}

/**
 * How a member reaches the row a field lives on: itself, or through a foreign key on the member's
 * row (a contact's company). A subject the member cannot reach is absent (`reach` answers 'none').
 */
export type Reach = { kind: 'self' } | { kind: 'via'; column: string; table: string } | { kind: 'none' };

export interface ScopeDef {
  /** The subject of the fields describing one related record of this scope. */
  subject: string;
  /** SQL of the FROM item (a table, or a derived table in parentheses); the compiler aliases it `r`. */
  from: string;
  /** The column naming each member type that has records of this scope. */
  owner: Readonly<Partial<Record<string, string>>>;
  /** The oracle's rows of this scope, out of a snapshot of the tables (same columns as `from`). */
  rows(data: Snapshot): Row[];
  /** The tables a derived `from` reads (a plain table name reads itself): what a rule on the scope depends on. */
  reads?: readonly string[];
}

/** Rows of every table the filter reads, as plain objects keyed by column name (instants in ms, booleans as booleans). */
export type Row = Record<string, unknown>;
export type Snapshot = Readonly<Record<string, Row[]>>;

export type ProblemSink = (path: string[], code: ProblemCode, message: string) => void;
/** Checks the whole resolved tree (run once, after every rule resolved): reports problems through `problem`. */
export type TreeCheck = (root: IrGroup, problem: ProblemSink) => void;

/**
 * A write to `table` can change the answer of the members these paths name, read from the written
 * row as it was before the write and as it is after (both, so a moved record touches its old owner
 * and its new one).
 */
export interface WriteTouch {
  table: string;
  members: Readonly<Partial<Record<string, readonly OwnerPath[]>>>;
}

export type OwnerPath =
  /** The written row's column holds the member's key (its own `id`, or an owner column). */
  | { kind: 'column'; column: string }
  /** The written row's `column` names a row of `table` whose `owner` column holds the member's key. */
  | { kind: 'through'; column: string; table: string; owner: string }
  /** Members whose `column` names the row that the written row's `key` names (default: the written row itself, by `id`). */
  | { kind: 'referrers'; column: string; key?: string }
  /**
   * Only written rows that pass the condition touch through `then`: the written row's `column`
   * equals `equals`, or, with `lookup`, the `lookup.column` of the `lookup.table` row that the
   * written row's `column` names does (custom values touch the entity of their field).
   */
  | { kind: 'when'; column: string; lookup?: { table: string; column: string }; equals: string; then: OwnerPath }
  /** Rows of `table` whose columns equal the written row's (`on`: their column → the written row's), by their `owner` column. */
  | { kind: 'matching'; table: string; on: Readonly<Record<string, string>>; owner: string };

export function reach(model: FilterModel, member: string, subject: string): Reach {
  return model.members[member]?.reaches[subject] ?? { kind: 'none' };
}

export function memberTable(model: FilterModel, member: string): string {
  const def = model.members[member];
  if (!def) throw new Error(`No member type "${member}" is registered.`);
  return def.table;
}

export function scopeDef(model: FilterModel, scope: string): ScopeDef {
  const def = model.scopes[scope];
  if (!def) throw new Error(`No scope "${scope}" is registered.`);
  return def;
}

/** The owner column of a scope for a member type (validation guarantees there is one before compiling). */
export function ownerColumn(model: FilterModel, scope: string, member: string): string {
  const owner = scopeDef(model, scope).owner[member];
  if (!owner) throw new Error(`${member} records have no ${scope}.`);
  return owner;
}

/** One domain's part of the model: what it adds. */
export interface DomainRegistration {
  members?: Readonly<Record<string, MemberDef>>;
  scopes?: Readonly<Record<string, ScopeDef>>;
  checks?: readonly TreeCheck[];
  writes?: readonly WriteTouch[];
}

/** The model out of the domains' registrations; a name registered twice is a mistake, said at start. */
export function assembleModel(registrations: readonly DomainRegistration[]): FilterModel {
  const members: Record<string, MemberDef> = {};
  const scopes: Record<string, ScopeDef> = {};
  const once = <T>(into: Record<string, T>, what: string, entries: Readonly<Record<string, T>> | undefined) => {
    for (const [name, def] of Object.entries(entries ?? {})) {
      if (into[name]) throw new Error(`The ${what} "${name}" is registered twice.`);
      into[name] = def;
    }
  };
  for (const r of registrations) {
    once(members, 'member type', r.members);
    once(scopes, 'scope', r.scopes);
  }
  for (const [name, scope] of Object.entries(scopes)) {
    if (!scope.reads && !/^[a-z_][a-z0-9_]*$/.test(scope.from)) throw new Error(`The scope "${name}" reads a derived table: it must say which tables (reads).`);
    const unknown = Object.keys(scope.owner).filter((m) => !members[m]);
    if (unknown.length) throw new Error(`The scope "${name}" names owners of unregistered member types: ${unknown.join(', ')}.`);
  }
  return { members, scopes, checks: registrations.flatMap((r) => r.checks ?? []), writes: registrations.flatMap((r) => r.writes ?? []) };
}

/** What compiling a derived field needs to know about where it is evaluated. */
export interface DerivedSqlContext {
  member: string;
  dialect: Dialect;
}

/** What the oracle gives a derived field: the member type and the whole snapshot. */
export interface DerivedEvalContext {
  member: string;
  data: Snapshot;
}
