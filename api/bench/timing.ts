import { performance } from 'node:perf_hooks';
import { itemAt } from '../src/lib/indexed';

/**
 * Warms up (caches, query plans, and V8's optimisation of the API's own code path: two runs were
 * not enough, a page measured 8 ms cold and 4 ms warm) for up to 10 runs or 2 seconds, then runs
 * `fn` `runs` times and returns each duration.
 */
export async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number[]; result: T }> {
  let result = await fn();
  const warmUntil = performance.now() + 2000;
  for (let i = 1; i < 10 && performance.now() < warmUntil; i++) result = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    ms.push(performance.now() - start);
  }
  return { ms, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('a median needs at least one value');
  return sorted.length % 2 ? itemAt(sorted, mid) : (itemAt(sorted, mid - 1) + itemAt(sorted, mid)) / 2;
}

export interface Figure {
  sqlMs: number;
  apiMs: number;
  /** The answers of the last run (compared as strings: page keys, counts). */
  sql: string;
  api: string;
}

/** Times the hand-written SQL and the API alike (median of `runs` after warm-up). */
export async function compare(sql: () => Promise<string>, api: () => Promise<string>, runs: number): Promise<Figure> {
  const s = await timeIt(sql, runs);
  const a = await timeIt(api, runs);
  return { sqlMs: median(s.ms), apiMs: median(a.ms), sql: s.result, api: a.result };
}

/**
 * One table row against the budget API ≤ 1.3 × SQL + 5 ms (`figure` null: not applicable).
 * Returns whether it holds: within budget and the same answer.
 */
export function printFigure(name: string, what: string, figure: (Figure & { matches: string }) | null): boolean {
  const head = [name.padEnd(50), what.padEnd(21)];
  if (!figure) {
    console.log([...head, 'n/a'.padStart(9), '(fewer than 50,000 rows)'].join(' '));
    return true;
  }
  const { sqlMs, apiMs, sql, api, matches } = figure;
  const same = sql === api;
  const within = apiMs <= 1.3 * sqlMs + 5;
  const verdict = same ? (within ? ' ok' : ' OVER') : ` MISMATCH (${difference(sql, api)})`;
  console.log([...head, matches.padStart(9), sqlMs.toFixed(1).padStart(9), apiMs.toFixed(1).padStart(9), (apiMs / sqlMs).toFixed(2).padStart(7), verdict].join(' '));
  return same && within;
}

export function printHeader(): void {
  console.log(['segment'.padEnd(50), 'what'.padEnd(21), 'matches'.padStart(9), 'SQL ms'.padStart(9), 'API ms'.padStart(9), 'ratio'.padStart(7), ' budget'].join(' '));
}

/** Where two comma-separated answers part: "row i: SQL x, API y". */
function difference(sql: string, api: string): string {
  const [s, a] = [sql.split(','), api.split(',')];
  let at = 0;
  while (at < s.length && s[at] === a[at]) at++;
  return `${s.length > 1 || a.length > 1 ? `row ${at + 1}: ` : ''}SQL ${s[at] ?? '(none)'}, API ${a[at] ?? '(none)'}`;
}

/**
 * Times several ways of answering one question in the same run, interleaved: each round runs every
 * one of them once, in an order that rotates from round to round, so load from elsewhere on the
 * machine (shared cores) hits them alike. The first `warmRounds` rounds are not recorded: V8
 * optimises a server's request path over its first hundreds of requests, and caches (documents,
 * plans, credentials) fill; `onWarm` is called when they are over. Returns each one's durations (index i of every array: round i) and
 * its last answer.
 */
export async function timeInterleaved<K extends string, T>(fns: Record<K, () => Promise<T>>, rounds: number, warmRounds = 200, onWarm?: () => void): Promise<Record<K, { ms: number[]; result: T }>> {
  const names = Object.keys(fns) as K[];
  const out = {} as Record<K, { ms: number[]; result: T }>;
  for (const name of names) out[name] = { ms: [], result: undefined as T };
  for (let round = -warmRounds; round < rounds; round++) {
    if (round === 0) onWarm?.();
    for (let i = 0; i < names.length; i++) {
      const name = itemAt(names, (round + warmRounds + i) % names.length);
      const start = performance.now();
      out[name].result = await fns[name]();
      if (round >= 0) out[name].ms.push(performance.now() - start);
    }
  }
  return out;
}

/** The median of the round-by-round differences a[i] − b[i] (robust to a slow round hitting both). */
export function medianDifference(a: number[], b: number[]): number {
  return median(a.map((value, i) => value - itemAt(b, i)));
}
