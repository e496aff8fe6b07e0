/**
 * The shape of the demo CRM at scale S, and the few facts about a record that other tables need
 * (where a contact lives, whom they work for, when they were created and last active), computed
 * from the record's number alone so no table has to be held in memory to generate another.
 */
import { itemAt } from '../lib/indexed';
import { NAMES, PROFILES, PROFILE_WEIGHTS, ascii, feminine, type Locale, type Profile } from './names';
import { hash, Rng, Weighted } from './random';
import { companyTitle } from './catalog';
import { Gender } from '../contacts/contact.entity';

export interface SeedCounts {
  users: number;
  products: number;
  companies: number;
  contacts: number;
  leads: number;
  deals: number;
  communications: number;
  orders: number;
  productRows: number;
  activities: number;
}

/** S=1: 1,000,000 contacts and the rest in the proportions of the performance budget's data set. */
export function seedCounts(scale: number): SeedCounts {
  const n = (perScaleOne: number, min = 0) => Math.max(min, Math.round(perScaleOne * scale));
  return {
    users: n(50, 5),
    products: n(2_000, 20),
    companies: n(200_000, 1),
    contacts: n(1_000_000, 1),
    leads: n(500_000),
    deals: n(2_000_000),
    communications: n(2_500_000),
    orders: n(600_000),
    productRows: n(3_000_000),
    activities: n(1_500_000),
  };
}

export const DAY = 86_400_000;
/** How far back the CRM's history goes. */
export const HISTORY_DAYS = 3 * 365;

/** Salts keep the keyed draws of different facts independent of each other. */
const enum Salt {
  ContactProfile = 1,
  ContactCompany,
  ContactTimes,
  ContactPerson,
  ContactDealless,
  CompanyProfile,
  CompanyIdentity,
  CompanyTimes,
  CompanyDealless,
}

export interface Person {
  gender: Gender | null;
  first: string;
  last: string;
  middle: string | null;
  locale: Locale;
}

export interface Times {
  created: number;
  lastActivity: number | null;
}

export interface CompanyIdentity {
  profile: Profile;
  title: string;
  /** Lower-case ASCII name used for the company's web domain. */
  domain: string;
}

const GENDERS = new Weighted<Gender | null>([
  [Gender.FEMALE, 48],
  [Gender.MALE, 48],
  [Gender.OTHER, 1],
  [null, 3],
]);

/** Keyed facts about contacts and companies by their ordinal (1..N, before the table's id offset). */
export class Keys {
  private readonly rng = new Rng(0);

  constructor(
    readonly seed: number,
    readonly counts: SeedCounts,
    /** The moment "now" of the generated history, epoch ms. */
    readonly now: number,
  ) {}

  private draw(salt: Salt, ordinal: number): Rng {
    return this.rng.reseed(hash(this.seed, salt, ordinal));
  }

  contactProfile(c: number): Profile {
    return itemAt(PROFILES, PROFILE_WEIGHTS.at(this.draw(Salt.ContactProfile, c).next()));
  }

  companyProfile(k: number): Profile {
    return itemAt(PROFILES, PROFILE_WEIGHTS.at(this.draw(Salt.CompanyProfile, k).next()));
  }

  /** ~70% of contacts work for a company, preferably one in their own country. */
  contactCompany(c: number): number | null {
    const { companies } = this.counts;
    const profile = this.contactProfile(c);
    const rng = new Rng(hash(this.seed, Salt.ContactCompany, c));
    if (!rng.chance(0.7)) return null;
    let candidate = 1 + rng.int(companies);
    for (let attempt = 0; attempt < 8 && this.companyProfile(candidate) !== profile; attempt++) candidate = 1 + rng.int(companies);
    return candidate;
  }

  contactTimes(c: number): Times {
    return this.times(this.draw(Salt.ContactTimes, c));
  }

  companyTimes(k: number): Times {
    return this.times(this.draw(Salt.CompanyTimes, k));
  }

  /** A quarter of the clients never had a deal ("clients without deals" segments). */
  contactDealless(c: number): boolean {
    return this.draw(Salt.ContactDealless, c).chance(0.25);
  }

  companyDealless(k: number): boolean {
    return this.draw(Salt.CompanyDealless, k).chance(0.25);
  }

  contactPerson(c: number): Person {
    const locale = this.contactProfile(c).locale;
    return person(this.draw(Salt.ContactPerson, c), locale);
  }

  /** A contact's own e-mail, which a repeat lead of theirs carries again. */
  contactEmail(c: number, who: Person = this.contactPerson(c)): { local: string; domain: string } {
    const mail = this.contactProfile(c).mail;
    return { local: `${ascii(who.first) || 'client'}.${ascii(who.last)}${c}`, domain: itemAt(mail, hash(this.seed, c) % mail.length) };
  }

  companyIdentity(k: number): CompanyIdentity {
    const profile = this.companyProfile(k);
    const { title, core } = companyTitle(this.draw(Salt.CompanyIdentity, k), profile.locale, profile.country);
    return { profile, title, domain: `${asciiSlug(core)}${k}.${profile.tld}` };
  }

  /**
   * Created over the last three years, more of them recently; last active within 90 days for
   * most, long ago for about a third, never for a few.
   */
  private times(rng: Rng): Times {
    const ageDays = HISTORY_DAYS * Math.pow(rng.next(), 1.3);
    const created = Math.floor(this.now - ageDays * DAY);
    const u = rng.next();
    if (u < 0.08) return { created, lastActivity: null };
    const recentFrom = Math.max(created, this.now - 90 * DAY);
    if (u < 0.63 || ageDays <= 91) return { created, lastActivity: Math.floor(recentFrom + rng.next() * (this.now - recentFrom)) };
    return { created, lastActivity: Math.floor(created + rng.next() * (this.now - 91 * DAY - created)) };
  }
}

export function person(rng: Rng, locale: Locale, gender: Gender | null = GENDERS.pick(rng)): Person {
  const names = NAMES[locale];
  const female = gender === Gender.FEMALE || (gender !== Gender.MALE && rng.chance(0.5));
  const first = rng.pick(female ? names.female : names.male);
  const family = rng.pick(names.family);
  const last = female ? feminine(locale, family) : family;
  let middle: string | null = null;
  if (names.middle && rng.chance(locale === 'vi' ? 0.9 : 0.7)) middle = rng.pick(names.middle)[female ? 1 : 0];
  else if (locale === 'en' && rng.chance(0.1)) middle = `${String.fromCharCode(65 + rng.int(26))}.`;
  return { gender, first, last, middle, locale };
}

/** "Zakłady Mięsne Łuków" → "zaklady-miesne-lukow", "Северный ветер" → "severnyy-veter". */
function asciiSlug(text: string): string {
  return (
    text
      .split(/[^\p{L}\p{N}]+/u)
      .map(ascii)
      .filter(Boolean)
      .join('-') || 'firma'
  );
}
