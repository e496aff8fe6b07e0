import { fold } from '../filter/language/fold';
import { itemAt } from '../lib/indexed';
import { Channel, CommunicationValueType as VT } from '../communications/communication.enums';
import { communicationRow, type Address } from './addresses';
import { between, chunkRanges, chunkRng, customValue, FamilySalt, type Counters, type Family, type World } from './family';
import { communicationBudgets } from './generate-companies';
import { ascii } from './names';
import { allocate, shareOf, Weighted, type Rng } from './random';
import type { Row } from './tables';

function contactCommunicationCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.1 ? 0 : u < 0.5 ? 1 : u < 0.9 ? 2 : 3;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LOYALTY = new Weighted([
  [0, 40],
  [1, 30],
  [2, 20],
  [3, 10],
]);

/** A birthdate 18 to 75 years before `now`, as 'YYYY-MM-DD' and MMDD. */
function birthdate(rng: Rng, now: number): [string, number] {
  const year = new Date(now).getUTCFullYear() - rng.between(18, 75);
  const month = rng.between(1, 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = rng.between(1, month === 2 && leap ? 29 : itemAt(DAYS_IN_MONTH, month - 1));
  const pad = (v: number) => String(v).padStart(2, '0');
  return [`${year}-${pad(month)}-${pad(day)}`, month * 100 + day];
}

export function contactsFamily(world: World): Family {
  const { keys, setup, addresses, now } = world;
  const n = world.counts.contacts;
  const budget = communicationBudgets(world.counts.communications).contacts;
  const { UF_LOYALTY, UF_NEWSLETTER, UF_INTERESTS } = setup.fields;

  const customValues = (rng: Rng, counters: Counters, id: number, values: Row[]) => {
    if (rng.chance(0.5) && UF_LOYALTY.options.length) values.push(customValue(counters, world, UF_LOYALTY, id, 'option', itemAt(UF_LOYALTY.options, LOYALTY.pick(rng) % UF_LOYALTY.options.length)));
    if (rng.chance(0.6)) values.push(customValue(counters, world, UF_NEWSLETTER, id, 'boolean', rng.chance(0.65)));
    if (rng.chance(0.35) && UF_INTERESTS.options.length) {
      const chosen = new Set<number>();
      const wanted = rng.between(1, 3);
      while (chosen.size < Math.min(wanted, UF_INTERESTS.options.length)) chosen.add(rng.pick(UF_INTERESTS.options));
      for (const option of chosen) values.push(customValue(counters, world, UF_INTERESTS, id, 'option', option));
    }
  };

  return {
    name: 'contacts',
    tables: ['contact', 'communication', 'customValue'],
    owners: n,
    *chunks(counters) {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Contacts, start);
        const commCounts = allocate(rng, end - start, shareOf(budget, n, start, end), contactCommunicationCount, 0, 4);
        const contacts: Row[] = [];
        const communications: Row[] = [];
        const values: Row[] = [];
        for (let c = start + 1; c <= end; c++) {
          const id = world.base.contact + c;
          const profile = keys.contactProfile(c);
          const who = keys.contactPerson(c);
          const company = keys.contactCompany(c);
          const { created, lastActivity } = keys.contactTimes(c);
          const responsible = world.responsible.pick(rng);
          const [birth, monthDay] = rng.chance(0.8) ? birthdate(rng, now) : [null, null];
          const city = rng.chance(0.93) ? rng.pick(profile.cities) : null;
          const country = rng.chance(0.97) ? profile.country : null;
          // A few records are typed in lower case, as imports and hurried managers do.
          const first = rng.chance(0.03) ? who.first.toLowerCase() : who.first;
          contacts.push([
            id,
            rng.chance(0.6) ? `B24-C-${c}` : null,
            first,
            fold(first),
            who.last,
            fold(who.last),
            who.middle,
            birth,
            monthDay,
            who.gender,
            setup.refs.contactType.pick(rng),
            setup.refs.source.pick(rng),
            responsible,
            city,
            fold(city),
            country,
            fold(country),
            company === null ? null : world.base.company + company,
            lastActivity,
            created,
            between(rng, Math.max(created, lastActivity ?? created), now),
            responsible,
            responsible,
          ]);

          const count = itemAt(commCounts, c - start - 1);
          let previous: Channel | null = null;
          for (let i = 0; i < count; i++) {
            const sequence = counters.communication + 1;
            let address: Address;
            const kind: Channel =
              i === 0
                ? rng.chance(0.75)
                  ? Channel.EMAIL
                  : Channel.PHONE
                : i === 1
                  ? rng.chance(0.8)
                    ? previous === Channel.EMAIL
                      ? Channel.PHONE
                      : Channel.EMAIL
                    : Channel.IM
                  : rng.chance(0.6)
                    ? Channel.IM
                    : Channel.EMAIL;
            if (kind === Channel.PHONE) address = addresses.phone(rng, profile, sequence);
            else if (kind === Channel.IM) address = addresses.handle(rng, profile, `${ascii(who.first)}_${ascii(who.last)}${c}`, sequence);
            else if (previous !== Channel.EMAIL && i < 2) {
              const own = keys.contactEmail(c, who);
              address = addresses.email(rng, own.local, own.domain);
            } else if (company !== null) address = addresses.email(rng, `${ascii(who.first)}.${ascii(who.last)}`, keys.companyIdentity(company).domain, VT.WORK);
            else address = addresses.email(rng, `${ascii(who.first).slice(0, 1)}${ascii(who.last)}${c}`, rng.pick(profile.mail), VT.HOME);
            if (kind !== Channel.IM) previous = kind;
            communications.push(communicationRow(world.base.communication + ++counters.communication, address, { contact: id }, between(rng, created, now)));
          }

          customValues(rng, counters, id, values);
        }
        yield { owners: end - start, contact: contacts, communication: communications, customValue: values };
      }
    },
  };
}
