import { fold } from '../filter/language/fold';
import { itemAt } from '../lib/indexed';
import { Channel } from '../communications/communication.enums';
import { LeadStatusSemantic } from '../reference-lists/reference-item.entity';
import { communicationRow, type Address } from './addresses';
import { leadTitle, USD_RATE } from './catalog';
import { between, chunkRanges, chunkRng, customValue, FamilySalt, money, type Family, type World } from './family';
import { communicationBudgets } from './generate-companies';
import { ascii, PROFILES, PROFILE_WEIGHTS } from './names';
import { DAY, HISTORY_DAYS, person, type Person } from './plan';
import { allocate, shareOf, type Rng } from './random';
import type { Row } from './tables';

function leadCommunicationCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.12 ? 0 : u < 0.57 ? 1 : u < 0.9 ? 2 : 3;
}

/**
 * Leads: most from new people; ~10% are repeat leads of existing contacts (carrying the
 * contact's name and e-mail) or companies, which lead segments must leave out.
 */
export function leadsFamily(world: World): Family {
  const { keys, setup, addresses, now } = world;
  const n = world.counts.leads;
  const budget = communicationBudgets(world.counts.communications).leads;

  return {
    name: 'leads',
    tables: ['lead', 'communication', 'customValue'],
    owners: n,
    *chunks(counters) {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Leads, start);
        const commCounts = allocate(rng, end - start, shareOf(budget, n, start, end), leadCommunicationCount, 0, 3);
        const leads: Row[] = [];
        const communications: Row[] = [];
        const values: Row[] = [];
        for (let l = start + 1; l <= end; l++) {
          const id = world.base.lead + l;
          let contact: number | null = null;
          let company: number | null = null;
          if (rng.chance(0.1)) {
            if (rng.chance(0.8)) contact = 1 + rng.int(world.counts.contacts);
            else company = 1 + rng.int(world.counts.companies);
          }
          const profile = contact ? keys.contactProfile(contact) : company ? keys.companyProfile(company) : itemAt(PROFILES, PROFILE_WEIGHTS.pick(rng));
          const who: Person | null = contact ? keys.contactPerson(contact) : rng.chance(0.85) ? person(rng, profile.locale) : null;
          const ownerCreated = contact ? keys.contactTimes(contact).created : company ? keys.companyTimes(company).created : null;
          const created = ownerCreated ?? Math.floor(now - HISTORY_DAYS * DAY * Math.pow(rng.next(), 1.3));
          const lastActivity = rng.chance(0.85) ? between(rng, created, now) : null;
          const status = setup.refs.leadStatus.pick(rng);
          const responsible = world.responsible.pick(rng);
          const title = leadTitle(rng, profile.locale, who ? `${who.first} ${who.last}` : company ? keys.companyIdentity(company).title : null);
          const amount = rng.chance(0.6) ? money(rng.logNormal(800, 1.2) * USD_RATE[profile.currency]) : null;
          const city = rng.chance(0.7) ? rng.pick(profile.cities) : null;
          leads.push([
            id,
            rng.chance(0.5) ? `B24-L-${l}` : null,
            title,
            fold(title),
            who?.first ?? null,
            fold(who?.first),
            who?.last ?? null,
            fold(who?.last),
            status.id,
            status.semantic,
            setup.refs.source.pick(rng),
            status.semantic === LeadStatusSemantic.CONVERTED,
            responsible,
            amount,
            amount === null ? null : profile.currency,
            city,
            fold(city),
            contact === null ? null : world.base.contact + contact,
            company === null ? null : world.base.company + company,
            lastActivity,
            created,
            between(rng, Math.max(created, lastActivity ?? created), now),
            responsible,
            responsible,
          ]);

          let hadEmail = false;
          for (let i = 0; i < itemAt(commCounts, l - start - 1); i++) {
            const sequence = counters.communication + 1;
            const kind: Channel = i === 2 ? Channel.IM : i === 1 ? (hadEmail ? Channel.PHONE : Channel.EMAIL) : rng.chance(0.7) ? Channel.EMAIL : Channel.PHONE;
            let address: Address;
            if (kind === Channel.PHONE) address = addresses.phone(rng, profile, sequence);
            else if (kind === Channel.IM) address = addresses.handle(rng, profile, `${ascii(who?.first ?? 'lead')}${l}`, sequence);
            else if (contact && !hadEmail) {
              const own = keys.contactEmail(contact, who ?? undefined);
              address = addresses.email(rng, own.local, own.domain);
            } else {
              const local = who ? `${ascii(who.first)}_${ascii(who.last)}${l}` : `client${l}`;
              address = addresses.email(rng, local, company ? keys.companyIdentity(company).domain : rng.pick(profile.mail));
            }
            hadEmail ||= kind === Channel.EMAIL;
            communications.push(communicationRow(world.base.communication + ++counters.communication, address, { lead: id }, between(rng, created, now)));
          }

          if (rng.chance(0.55)) values.push(customValue(counters, world, setup.fields.UF_BUDGET, id, 'number', Math.round(rng.logNormal(5_000, 1.1) / 10) * 10));
        }
        yield { owners: end - start, lead: leads, communication: communications, customValue: values };
      }
    },
  };
}
