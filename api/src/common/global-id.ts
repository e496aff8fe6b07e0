/**
 * Relay global ids: an opaque base64url of `Type:key`, so a contact and a company with the same
 * database key never share an id, and `node(id:)` knows which table to look in.
 */
import { itemAt } from '../lib/indexed';

export interface DecodedGlobalId {
  type: string;
  key: number;
}

export function toGlobalId(type: string, key: number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Returns null for anything that is not a well-formed id (callers turn that into a typed error). */
export function fromGlobalId(id: string): DecodedGlobalId | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,15})$/.exec(text);
  if (!match) return null;
  const key = Number(match[2]);
  return Number.isSafeInteger(key) && key > 0 ? { type: itemAt(match, 1), key } : null;
}

/** Decodes an id that must be of one type; null if it is malformed or of another type. */
export function keyOf(id: string, type: string): number | null {
  const decoded = fromGlobalId(id);
  return decoded?.type === type ? decoded.key : null;
}
