import type { Scope } from '@/graphql/gql/graphql';

/** What a token may carry, in the order of the form: administration stays with people. */
export const TOKEN_SCOPES: readonly Scope[] = ['CRM_READ', 'CRM_WRITE', 'SEGMENTS_READ', 'SEGMENTS_WRITE', 'RECIPIENTS_READ', 'RECIPIENTS_WRITE', 'SETTINGS_WRITE'];

/** The scope as integrators read it in the docs and the issue: `CRM_READ` → `crm:read`. */
export function scopeCode(scope: Scope): string {
  return scope.toLowerCase().replace('_', ':');
}

/**
 * The moment a token picked to expire "on" a calendar day stops working: the end of that day in
 * the browser's zone (the next midnight), so it still works all of the day shown.
 */
export function expiryFromDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
}

/** The first day a token may be set to expire on: today (it then works until midnight). */
export function earliestExpiryDay(now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A request an integrator can paste into a shell to check the token: who it acts as, and its scopes. */
export function curlExample(origin: string, secret: string): string {
  const body = JSON.stringify({ query: '{ me { role scopes token { name expiresAt } } }' });
  return [`curl -s ${origin.replace(/\/+$/, '')}/graphql \\`, `  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\`, `  -H 'Content-Type: application/json' \\`, `  -d ${shellQuote(body)}`].join(
    '\n',
  );
}
