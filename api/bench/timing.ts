import { performance } from 'node:perf_hooks';

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
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
