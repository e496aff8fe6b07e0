/**
 * Seeded randomness for the demo generator. Everything is derived from (seed, salt, index) so a
 * chunk or a record can be regenerated anywhere: a deal can ask which company contact #812 works
 * for without the contacts being held in memory, and the output never depends on which engine
 * loads it or in which order tables are written.
 */

import { itemAt } from '../lib/indexed';

/** 32-bit avalanche mix (murmur3 finaliser); `hash(seed, salt, i)` seeds an Rng per record or chunk. */
export function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
    // Indexes above 2^32 (none today) would otherwise alias: fold the high half in too.
    if (part > 0xffffffff) h ^= Math.floor(part / 0x100000000);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny state, fast, good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  reseed(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.next() * items.length));
  }

  /** Log-normal around `median`: amounts, revenues and budgets have long right tails. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
}

/** A weighted choice among fixed items, with the cumulative table computed once. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  readonly items: readonly T[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    for (const [, weight] of entries) {
      running += weight / total;
      this.cumulative.push(running);
    }
    this.cumulative[this.cumulative.length - 1] = 1;
  }

  pick(rng: Rng): T {
    return itemAt(this.items, this.indexFor(rng.next()));
  }

  /** The item a given uniform draw lands on (for keyed, hash-derived picks). */
  at(u: number): T {
    return itemAt(this.items, this.indexFor(u));
  }

  private indexFor(u: number): number {
    const i = this.cumulative.findIndex((edge) => u < edge);
    return i === -1 ? this.cumulative.length - 1 : i;
  }
}

/** Uniform [0, 1) from a hash, for one-draw keyed decisions without an Rng. */
export function unit(h: number): number {
  return h / 4294967296;
}

/** The part of `total` that falls to items [start, end) of `n`; the parts of a partition sum to `total` exactly. */
export function shareOf(total: number, n: number, start: number, end: number): number {
  if (n <= 0) return 0;
  return Math.round((end * total) / n) - Math.round((start * total) / n);
}

/**
 * Per-item counts drawn from `draw`, then nudged one at a time (at random items, within
 * [min, max]) until they sum to `budget`: the spread looks natural and table totals stay exact.
 */
export function allocate(rng: Rng, n: number, budget: number, draw: (rng: Rng) => number, min: number, max: number): Int32Array {
  const counts = new Int32Array(n);
  if (n === 0) return counts;
  const target = Math.min(Math.max(budget, n * min), n * max);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.min(max, Math.max(min, draw(rng)));
    counts[i] = count;
    sum += count;
  }
  while (sum > target) {
    const i = rng.int(n);
    const count = itemAt(counts, i);
    if (count > min) {
      counts[i] = count - 1;
      sum--;
    }
  }
  while (sum < target) {
    const i = rng.int(n);
    const count = itemAt(counts, i);
    if (count < max) {
      counts[i] = count + 1;
      sum++;
    }
  }
  return counts;
}
