/**
 * E-mails, phones and messenger handles as people type them (mixed case, spaces, local phone
 * formats) with the normalised form the recipients logic matches on. A few percent are shared
 * by several records and about 1% end up on the stop list, so deduplication and exclusion have
 * something to do.
 */
import { Channel, CommunicationValueType as VT } from '../communications/communication.enums';
import { normalizeHandle } from '../communications/normalize';
import { itemAt } from '../lib/indexed';
import { StopListReason } from '../recipients/stop-list-entry.entity';
import { PROFILES, type Locale, type Profile } from './names';
import { DAY, HISTORY_DAYS } from './plan';
import { Weighted, type Rng } from './random';
import type { Row } from './tables';

export interface Address {
  channel: Channel;
  valueType: VT;
  value: string;
  normalized: string;
}

/** Share of addresses taken from the shared pool (family mailboxes, office phones). */
const SHARED_SHARE = 0.02;
const STOP_SHARE = 0.01;

const EMAIL_TYPES = new Weighted<VT>([
  [VT.WORK, 40],
  [VT.HOME, 50],
  [VT.MAILING, 5],
  [VT.OTHER, 5],
]);
const PHONE_TYPES = new Weighted<VT>([
  [VT.MOBILE, 60],
  [VT.WORK, 25],
  [VT.HOME, 15],
]);
const MESSENGERS: Readonly<Record<Locale, Weighted<VT>>> = {
  en: new Weighted([
    [VT.WHATSAPP, 30],
    [VT.TELEGRAM, 20],
    [VT.FACEBOOK, 20],
    [VT.INSTAGRAM, 15],
    [VT.SKYPE, 15],
  ]),
  ru: new Weighted([
    [VT.TELEGRAM, 45],
    [VT.WHATSAPP, 25],
    [VT.VIBER, 15],
    [VT.VK, 15],
  ]),
  pl: new Weighted([
    [VT.WHATSAPP, 40],
    [VT.FACEBOOK, 30],
    [VT.TELEGRAM, 20],
    [VT.SKYPE, 10],
  ]),
  pt: new Weighted([
    [VT.WHATSAPP, 70],
    [VT.INSTAGRAM, 20],
    [VT.TELEGRAM, 10],
  ]),
  vi: new Weighted([
    [VT.ZALO, 60],
    [VT.FACEBOOK, 30],
    [VT.TELEGRAM, 10],
  ]),
};
const PHONE_MESSENGERS = new Set([VT.WHATSAPP, VT.VIBER, VT.ZALO]);
const REASONS = new Weighted<StopListReason>([
  [StopListReason.UNSUBSCRIBED, 60],
  [StopListReason.BOUNCED, 30],
  [StopListReason.COMPLAINED, 10],
]);
const SHARED_LOCALS = ['office', 'family', 'reception', 'info', 'accounts', 'biuro', 'kontakt', 'contato'];
const SHARED_DOMAINS = ['gmail.com', 'mail.ru', 'wp.pl', 'uol.com.br', 'yahoo.com.vn', 'outlook.com'];

/** A multiplier coprime with 10^7: distinct sequence numbers below 10^7 give distinct 7-digit tails. */
const SPREAD = 7_654_321;

function tail(n: number, offset: number): string {
  return String((n * SPREAD + offset) % 10_000_000).padStart(7, '0');
}

const masksByLength = new Map<string, string[]>();

/** The profile's display masks with exactly as many digit slots as the number has. */
function masksFor(profile: Profile, length: number): string[] {
  const key = `${profile.code}${length}`;
  let masks = masksByLength.get(key);
  if (!masks) {
    masks = profile.formats.filter((f) => (f.match(/#/g) ?? []).length === length);
    masksByLength.set(key, masks);
  }
  return masks;
}

function formatNational(mask: string, digits: string): string {
  let i = 0;
  return mask.replace(/#/g, () => itemAt(digits, i++));
}

export class AddressBook {
  /** Stop list entries by "channel normalized", in the order first seen (deterministic ids). */
  readonly stopList = new Map<string, { channel: Channel; address: string; reason: StopListReason; note: string | null; createdAt: number }>();
  private readonly sharedPool: number;

  constructor(
    totalCommunications: number,
    private readonly now: number,
  ) {
    this.sharedPool = Math.max(5, Math.round(totalCommunications * 0.005));
  }

  email(rng: Rng, local: string, domain: string, valueType = EMAIL_TYPES.pick(rng)): Address {
    if (rng.chance(SHARED_SHARE)) {
      const j = rng.int(this.sharedPool);
      local = `${SHARED_LOCALS[j % SHARED_LOCALS.length]}${j}`;
      domain = itemAt(SHARED_DOMAINS, (j >> 3) % SHARED_DOMAINS.length);
    }
    const clean = `${local}@${domain}`;
    let value = clean;
    const u = rng.next();
    if (u < 0.08) value = clean.replace(/(^|[.@_])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    else if (u < 0.1) value = ` ${clean} `;
    return this.track(rng, { channel: Channel.EMAIL, valueType, value, normalized: clean });
  }

  /** `sequence` makes the number unique (the communication's id); landlines are company numbers. */
  phone(rng: Rng, profile: Profile, sequence: number, landline = false, valueType = PHONE_TYPES.pick(rng)): Address {
    let offset = 0;
    if (rng.chance(SHARED_SHARE)) {
      sequence = rng.int(this.sharedPool);
      profile = itemAt(PROFILES, sequence % PROFILES.length);
      landline = true;
      offset = 5_000_000;
    }
    const national = rng.pick(landline ? profile.landline : profile.mobile) + tail(sequence, offset);
    const masks = masksFor(profile, national.length);
    const mask = masks.length > 0 ? rng.pick(masks) : null;
    const value = `+${profile.callingCode}${mask ? formatNational(mask, national) : national}`;
    return this.track(rng, { channel: Channel.PHONE, valueType, value, normalized: `+${profile.callingCode}${national}` });
  }

  handle(rng: Rng, profile: Profile, nick: string, sequence: number): Address {
    const valueType = MESSENGERS[profile.locale].pick(rng);
    let value: string;
    if (PHONE_MESSENGERS.has(valueType)) value = `+${profile.callingCode}${rng.pick(profile.mobile)}${tail(sequence, 0)}`;
    else value = rng.chance(0.4) ? `@${nick}` : rng.chance(0.5) ? nick.replace(/(^|_)([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase()) : nick;
    const normalized = normalizeHandle(value);
    return { channel: Channel.IM, valueType, value, normalized: normalized.ok ? normalized.value : value };
  }

  private track(rng: Rng, address: Address): Address {
    if (rng.chance(STOP_SHARE)) {
      const key = `${address.channel} ${address.normalized}`;
      const reason = REASONS.pick(rng);
      const createdAt = Math.floor(this.now - rng.next() * HISTORY_DAYS * DAY);
      if (!this.stopList.has(key)) {
        const note = reason === StopListReason.BOUNCED ? 'Mailbox unavailable' : reason === StopListReason.COMPLAINED ? 'Marked as spam' : null;
        this.stopList.set(key, { channel: address.channel, address: address.normalized, reason, note, createdAt });
      }
    }
    return address;
  }

  stopListRows(firstId: number, adminId: number): Row[] {
    return [...this.stopList.values()].map((e, i) => [firstId + i, e.channel, e.address, e.reason, e.note, i % 3 === 0 ? adminId : null, e.createdAt]);
  }
}

/** The communication row of an address, owned by exactly one of contact, company or lead. */
export function communicationRow(id: number, a: Address, owner: { contact?: number; company?: number; lead?: number }, createdAt: number): Row {
  return [id, a.channel, a.valueType, a.value, a.normalized, owner.contact ?? null, owner.company ?? null, owner.lead ?? null, createdAt];
}
