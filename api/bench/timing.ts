import { performance } from 'node:perf_hooks';

/** Runs `fn` twice to warm caches and plans, then `runs` times; returns each duration. */
export async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number[]; result: T }> {
  let result = await fn();
  await fn();
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
