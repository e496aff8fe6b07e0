// The package ships no types; this is the one call the seed uses.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  export function from(sql: string, options?: { highWaterMark?: number }): Writable & { rowCount: number };
}
