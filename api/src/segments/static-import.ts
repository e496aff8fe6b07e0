import { itemAt } from '../lib/indexed';
import { UserErrorCode } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { normalizeEmail, normalizeHandle, normalizePhone, type Normalized } from '../communications/normalize';

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
  /** What a client can translate: the reason is English. */
  code: UserErrorCode;
}

/** The code of an address that does not normalise; a handle fails only when it is empty. */
const REJECTED_AS: Record<Channel, UserErrorCode> = {
  [Channel.EMAIL]: UserErrorCode.INVALID_EMAIL,
  [Channel.PHONE]: UserErrorCode.INVALID_PHONE,
  [Channel.IM]: UserErrorCode.REQUIRED,
};

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
  const address = (match[1] !== undefined ? match[1].replace(/""/g, '"') : itemAt(match, 2)).trim();
  const rawName = match[3] !== undefined ? match[3].replace(/""/g, '"') : match[4];
  const name =
    rawName
      ?.trim()
      .replace(/[;,\t]+$/, '')
      .trim() || null;
  return [address, name];
}

/**
 * Gathers read lines: each (channel, address) is kept once, repeats are counted, and a line that
 * does not normalise is rejected with its number and reason.
 */
export class LineCollector {
  private readonly valid: ImportedLine[] = [];
  private readonly invalid: RejectedLine[] = [];
  private readonly seen = new Set<string>();
  private duplicates = 0;

  reject(line: number, text: string, reason: string, code: UserErrorCode): void {
    this.invalid.push({ line, text: text.slice(0, 200), reason, code });
  }

  add(line: number, text: string, channel: Channel, normalized: Normalized, name: string | null | undefined): void {
    if (!normalized.ok) return this.reject(line, text, normalized.reason, REJECTED_AS[channel]);
    const key = `${channel}:${normalized.value}`;
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    this.seen.add(key);
    this.valid.push({ line, channel, address: normalized.value, name: name?.trim().slice(0, 300) || null });
  }

  result(): ParsedImport {
    return { valid: this.valid, invalid: this.invalid, duplicates: this.duplicates };
  }
}

/** Non-blank lines of a text with their 1-based numbers, a leading byte-order mark dropped. */
function numberedLines(text: string): Array<[number, string]> {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, index): [number, string] => [index + 1, raw])
    .filter(([, raw]) => raw.trim() !== '');
}

/**
 * Reads pasted text or a CSV file: one address per line, optionally `;Name` (or `,Name`),
 * e-mails and phones mixed. Phones without a country code are read in `defaultRegion`. Blank
 * lines and a header line are skipped; every other line is either valid or reported with its
 * number and reason, so one bad line never costs the good ones.
 */
export function parseImport(text: string, defaultRegion: string): ParsedImport {
  const lines = new LineCollector();
  for (const [number, raw] of numberedLines(text)) {
    const [address, name] = split(raw);
    if (number === 1 && !address.includes('@') && HEADER.test(address)) continue;
    if (address.includes('@')) lines.add(number, raw, Channel.EMAIL, normalizeEmail(address), name);
    else if (PHONE_LIKE.test(address)) lines.add(number, raw, Channel.PHONE, normalizePhone(address, defaultRegion), name);
    else if (address) lines.reject(number, raw, `"${address.slice(0, 100)}" is neither an e-mail address nor a phone number.`, UserErrorCode.INVALID);
    else lines.reject(number, raw, 'The line has no address before the separator.', UserErrorCode.REQUIRED);
  }
  return lines.result();
}

/** One messenger handle per line (stop-list imports of the IM channel). */
export function parseHandles(text: string): ParsedImport {
  const lines = new LineCollector();
  for (const [number, raw] of numberedLines(text)) {
    const [handle, name] = split(raw);
    lines.add(number, raw, Channel.IM, normalizeHandle(handle), name);
  }
  return lines.result();
}
