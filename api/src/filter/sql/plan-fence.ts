/**
 * PostgreSQL pulls every `IN (SELECT …)` and `EXISTS (SELECT …)` of a WHERE clause up into one
 * join problem, and semi-joins on the same column share one equivalence class, so planning time
 * grows with about the cube of their number: 10 company rules plan in 25 ms, 80 in 1.5 s, 150
 * identical ones in over a minute, while execution takes milliseconds (found by the attack tests;
 * a filter may have 200 rules, so ten such requests held the whole pool). Past FENCE_AFTER
 * subqueries each one gets `OFFSET 0`, the classic fence that keeps it a (hashed) subplan:
 * planning becomes linear and the result is the same. Smaller filters, the common case, keep the
 * plans they were tuned for.
 */
export const FENCE_AFTER = 12;

const OPENING = /\b(?:IN|EXISTS) \((?=SELECT )/g;
const FENCE = ' OFFSET 0';

/** The index of the parenthesis closing the one at `open` (string literals skipped). */
function closing(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") i = sql.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Fences every subquery of a predicate that has more than FENCE_AFTER of them; idempotent. */
export function fenceSubqueries(sql: string): string {
  const opens = [...sql.matchAll(OPENING)].map((m) => m.index + m[0].length - 1);
  if (opens.length <= FENCE_AFTER) return sql;
  const closes = opens
    .map((open) => closing(sql, open))
    .filter((i) => i > 0)
    .sort((a, b) => b - a);
  let out = sql;
  for (const close of closes) {
    if (out.slice(0, close).endsWith(FENCE)) continue;
    out = out.slice(0, close) + FENCE + out.slice(close);
  }
  return out;
}
