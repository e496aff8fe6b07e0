import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import isEmail from 'validator/lib/isEmail';
import { fold } from '../filter/language/fold';
import { Channel } from './communication.enums';

export type Normalized = { ok: true; value: string } | { ok: false; reason: string };

/** E-mails compare lower-cased and trimmed (the local part is case-insensitive in practice). */
export function normalizeEmail(raw: string): Normalized {
  const value = raw.trim().toLowerCase();
  if (!isEmail(value, { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false })) {
    return { ok: false, reason: `"${raw.trim()}" is not an e-mail address.` };
  }
  return { ok: true, value };
}

/**
 * Phones become E.164. A number written with its country code ("+48 …") needs only to be
 * a possible number. One written without it is read in `defaultRegion` (DEFAULT_PHONE_REGION) and
 * must be a *valid* number there: a possible-but-invalid one is a number from elsewhere that the
 * region's digits happen to fit ("916 123-45-67" is a Moscow mobile, but with US as default it became
 * +19161234567, which no US line has), so it is rejected rather than stored under a guessed country.
 */
export function normalizePhone(raw: string, defaultRegion: string): Normalized {
  const trimmed = raw.trim();
  const international = parsePhoneNumberFromString(trimmed);
  const phone = international ?? parsePhoneNumberFromString(trimmed, { defaultCountry: defaultRegion as CountryCode });
  // E.164 numbers have at most 15 digits; libphonenumber calls some longer ones "possible".
  if (!phone || !phone.isPossible() || phone.number.length > 16) {
    return { ok: false, reason: `"${trimmed}" is not a phone number (read with default region ${defaultRegion}).` };
  }
  if (!international && !phone.isValid()) {
    return {
      ok: false,
      reason: `"${trimmed}" is not a valid phone number in ${defaultRegion} (the default region); write it with its country code, e.g. "+${phone.countryCallingCode} …" if it is from ${defaultRegion}, or the code of its own country.`,
    };
  }
  return { ok: true, value: phone.number };
}

/** Whether a stored E.164 number is a valid number of its country (the migration report's test). */
export function isValidE164(stored: string): boolean {
  const phone = parsePhoneNumberFromString(stored);
  return !!phone && phone.isValid();
}

/** The width of every stored address column (communication, segment_member, stop_list_entry). */
export const MAX_ADDRESS_LENGTH = 320;

/**
 * Messenger handles: trimmed, a leading "@" dropped, Unicode case-folded. A folded handle longer
 * than the address column is refused: PostgreSQL failed such a row (SQLite ignores widths), and
 * folding can lengthen a handle many times (NFKC spells out ligatures), so the limit applies to
 * the folded form. Found by the attack tests (a stop-list import of a 1,000-character handle).
 */
export function normalizeHandle(raw: string): Normalized {
  const value = fold(raw.trim().replace(/^@+/, ''));
  if (value.length === 0) return { ok: false, reason: 'A messenger handle cannot be empty.' };
  if (value.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: `A messenger handle is at most ${MAX_ADDRESS_LENGTH} characters.` };
  return { ok: true, value };
}

export function normalizeAddress(channel: Channel, raw: string, defaultRegion: string): Normalized {
  switch (channel) {
    case Channel.EMAIL:
      return normalizeEmail(raw);
    case Channel.PHONE:
      return normalizePhone(raw, defaultRegion);
    case Channel.IM:
      return normalizeHandle(raw);
  }
}
