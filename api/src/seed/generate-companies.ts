import { fold } from '../filter/language/fold';
import { itemAt } from '../lib/indexed';
import { CommunicationValueType as VT } from '../communications/communication.enums';
import { communicationRow, type Address } from './addresses';
import { COMPANY_TIERS } from './catalog';
import { between, chunkRanges, chunkRng, customValue, FamilySalt, type Family, type World } from './family';
import { allocate, shareOf, type Rng } from './random';
import type { Row } from './tables';

/** Of all communications: 60% belong to contacts, 12% to companies, the rest to leads. */
export function communicationBudgets(total: number): { contacts: number; companies: number; leads: number } {
  const contacts = Math.round(total * 0.6);
  const companies = Math.round(total * 0.12);
  return { contacts, companies, leads: total - contacts - companies };
}

const COMPANY_MAILBOXES = ['info', 'sales', 'office', 'contact', 'support'];

function companyCommunicationCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.1 ? 0 : u < 0.5 ? 1 : u < 0.85 ? 2 : 3;
}

export function companiesFamily(world: World): Family {
  const { keys, setup, addresses, now } = world;
  const n = world.counts.companies;
  const budget = communicationBudgets(world.counts.communications).companies;
  const tier = setup.fields.UF_TIER;

  return {
    name: 'companies',
    tables: ['company', 'communication', 'customValue'],
    owners: n,
    *chunks(counters) {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Companies, start);
        const commCounts = allocate(rng, end - start, shareOf(budget, n, start, end), companyCommunicationCount, 0, 5);
        const companies: Row[] = [];
        const communications: Row[] = [];
        const values: Row[] = [];
        for (let k = start + 1; k <= end; k++) {
          const id = world.base.company + k;
          const { profile, title, domain } = keys.companyIdentity(k);
          const { created, lastActivity } = keys.companyTimes(k);
          const responsible = world.responsible.pick(rng);
          const city = rng.chance(0.95) ? rng.pick(profile.cities) : null;
          const employees = rng.chance(0.7) ? Math.max(1, Math.round(rng.logNormal(25, 1.6))) : null;
          const revenue = rng.chance(0.65) ? Math.round(rng.logNormal(400_000, 1.5)) : null;
          companies.push([
            id,
            rng.chance(0.6) ? `B24-CO-${k}` : null,
            title,
            fold(title),
            setup.refs.companyType.pick(rng),
            setup.refs.industry.pick(rng),
            setup.refs.source.pick(rng),
            revenue,
            employees,
            responsible,
            city,
            fold(city),
            profile.country,
            fold(profile.country),
            lastActivity,
            created,
            between(rng, Math.max(created, lastActivity ?? created), now),
            responsible,
            responsible,
          ]);

          for (let i = 0; i < itemAt(commCounts, k - start - 1); i++) {
            const sequence = counters.communication + 1;
            let address: Address;
            if (i === 1) address = addresses.phone(rng, profile, sequence, true, VT.WORK);
            else if (i === 4) address = addresses.handle(rng, profile, `${itemAt(domain.split('.'), 0).replace(/-/g, '_')}`, sequence);
            else address = addresses.email(rng, itemAt(COMPANY_MAILBOXES, i), domain, VT.WORK);
            communications.push(communicationRow(world.base.communication + ++counters.communication, address, { company: id }, between(rng, created, now)));
          }

          if (rng.chance(0.75)) values.push(customValue(counters, world, tier, id, 'string', rng.pick(COMPANY_TIERS)));
        }
        yield { owners: end - start, company: companies, communication: communications, customValue: values };
      }
    },
  };
}
