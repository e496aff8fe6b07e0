import { Channel } from '../communications/communication.enums';
import { normalizeEmail, normalizeHandle, normalizePhone } from '../communications/normalize';

export interface ImportedLine {
  line: number;
  channel: Channel;
  address: string;
  name: string | null;
}

export interface RejectedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedImport {
  valid: ImportedLine[];
  invalid: RejectedLine[];
  /** Lines repeating an address given earlier in the same text (same channel, after normalising). */
  duplicates: number;
}

const HEADER = /^\s*"?(e-?mail|address|phone|tel|telefon|телефон|адрес|endereço|địa chỉ|adres)/i;
const PHONE_LIKE = /^[+(]?[\d\s().\-/]{5,}$/;

/** `a;b`, `a,b` or `a<TAB>b`, with optional double quotes around either part (RFC 4180 style). */
function split(line: string): [string, string | null] {
  const match = /^\s*(?:"((?:[^"]|"")*)"|([^;,\t]*))\s*(?:[;,\t]\s*(?:"((?:[^"]|"")*)"|(.*)))?$/.exec(line);
  if (!match) return [line.trim(), null];
  const address = (match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]).trim();
  const rawName = match[3] !== undefined ? match[3].replace(/""/g, '"') : match[4];
  const name = rawName?.trim().replace(/[;,\t]+$/, '').trim() || null;
  return [address, name];
}

/**
 * Reads pasted text or a CSV file: one address per line, optionally `;Name` (or `,Name`),
 * e-mails and phones mixed. Phones without a country code are read in `defaultRegion`. Blank
 * lines and a header line are skipped; every other line is either valid or reported with its
 * number and reason, so one bad line never costs the good ones.
 */
export function parseImport(text: string, defaultRegion: string): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const valid: ImportedLine[] = [];
  const invalid: RejectedLine[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  lines.forEach((raw, index) => {
    const number = index + 1;
    if (!raw.trim()) return;
    const [address, name] = split(raw);
    if (index === 0 && !address.includes('@') && HEADER.test(address)) return;
    let channel: Channel;
    let normalized;
    if (address.includes('@')) {
      channel = Channel.EMAIL;
      normalized = normalizeEmail(address);
    } else if (PHONE_LIKE.test(address)) {
      channel = Channel.PHONE;
      normalized = normalizePhone(address, defaultRegion);
    } else {
      invalid.push({ line: number, text: raw.slice(0, 200), reason: address ? `"${address.slice(0, 100)}" is neither an e-mail address nor a phone number.` : 'The line has no address before the separator.' });
      return;
    }
    if (!normalized.ok) {
      invalid.push({ line: number, text: raw.slice(0, 200), reason: normalized.reason });
      return;
    }
    const key = `${channel}:${normalized.value}`;
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    valid.push({ line: number, channel, address: normalized.value, name: name ? name.slice(0, 300) : null });
  });
  return { valid, invalid, duplicates };
}

/** One messenger handle per line (stop-list imports of the IM channel). */
export function parseHandles(text: string): ParsedImport {
  const valid: ImportedLine[] = [];
  const invalid: RejectedLine[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const [handle, name] = split(raw);
    const normalized = normalizeHandle(handle);
    if (!normalized.ok) return invalid.push({ line: index + 1, text: raw.slice(0, 200), reason: normalized.reason });
    if (seen.has(normalized.value)) return duplicates++;
    seen.add(normalized.value);
    valid.push({ line: index + 1, channel: Channel.IM, address: normalized.value, name });
  });
  return { valid, invalid, duplicates };
}
