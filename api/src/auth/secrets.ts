import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe, with a prefix that says what the secret is (`sgt_` token, `sgs_` session). */
export function newSecret(prefix: 'sgt_' | 'sgs_'): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a random secret: its SHA-256, hex. Lookups go by this value (unique index). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A one-time password a person can type: 16 characters from an alphabet without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
