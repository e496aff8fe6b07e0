/**
 * What the table generators share. A family generates one kind of owner record in chunks
 * together with the rows that hang off it (a contact's communications and custom values), so
 * each is produced once and written in the same pass.
 */
import { fold } from '../filter/language/fold';
import type { AddressBook } from './addresses';
import type { Keys, SeedCounts } from './plan';
import { hash, Rng, type Weighted } from './random';
import type { FieldRef, Setup } from './setup';
import type { Batch, Row, TableKey } from './tables';

/** Owners per chunk: big enough for efficient statements, small enough to keep memory flat. */
export const CHUNK = 5_000;

export interface World {
  seed: number;
  now: number;
  counts: SeedCounts;
  keys: Keys;
  setup: Setup;
  responsible: Weighted<number>;
  adminId: number;
  /** The largest id of each table before seeding: generated ids start right after. */
  base: Record<TableKey, number>;
  addresses: AddressBook;
  /** List price in USD of each product ordinal (index 0 = product 1). */
  productUsd: Float64Array;
}

/** Running ordinals of tables that several families append to. */
export interface Counters {
  communication: number;
  customValue: number;
  productRow: number;
}

export interface Family {
  name: string;
  /** Parents first: with foreign key checks on, tables are loaded in this order. */
  tables: TableKey[];
  /** Owner records this family generates (for progress). */
  owners: number;
  chunks(counters: Counters): Generator<Batch & { owners: number }>;
}

export const enum FamilySalt {
  Products = 101,
  Companies,
  Contacts,
  Leads,
  Deals,
  Orders,
  Activities,
}

/** The Rng of one chunk: any chunk can be regenerated alone, in any order. */
export function chunkRng(world: World, salt: FamilySalt, start: number): Rng {
  return new Rng(hash(world.seed, salt, Math.floor(start / CHUNK)));
}

/** Chunk boundaries [start, end) over `n` owners (0-based; ordinals are start + 1 ... end). */
export function* chunkRanges(n: number): Generator<[number, number]> {
  for (let start = 0; start < n; start += CHUNK) yield [start, Math.min(n, start + CHUNK)];
}

/** Some moment between `from` and `to` (epoch ms). */
export function between(rng: Rng, from: number, to: number): number {
  return Math.floor(from + rng.next() * Math.max(0, to - from));
}

export function money(value: number): number {
  return Math.round(value * 100) / 100;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

type ValueKind = 'string' | 'number' | 'date' | 'boolean' | 'option';

/** A custom_field_value row with its value in the column of its type. */
export function customValue(counters: Counters, world: World, field: FieldRef, recordId: number, kind: ValueKind, value: string | number | boolean): Row {
  const id = world.base.customValue + ++counters.customValue;
  return [
    id,
    field.id,
    recordId,
    kind === 'string' ? value : null,
    kind === 'string' ? fold(value as string) : null,
    kind === 'number' ? value : null,
    kind === 'date' ? value : null,
    kind === 'boolean' ? value : null,
    kind === 'option' ? value : null,
  ];
}
