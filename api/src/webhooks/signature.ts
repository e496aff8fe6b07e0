import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver knows a delivery is ours and fresh (the scheme Stripe documents): the header
 *
 *     Segmenta-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>
 *
 * The receiver recomputes v1 over the raw body with its secret, compares in constant time, and
 * rejects a `t` too far from its clock (replays).
 */
export const SIGNATURE_HEADER = 'Segmenta-Signature';

export function signatureOf(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** The receiver's check, as the documentation gives it (and the tests use it). */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(signatureOf(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
