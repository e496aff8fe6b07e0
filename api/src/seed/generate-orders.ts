import { ActivityType } from '../activities/activity.entity';
import { itemAt } from '../lib/indexed';
import { ACTIVITY_SUBJECTS, USD_RATE } from './catalog';
import { between, chunkRanges, chunkRng, FamilySalt, type Family, type World } from './family';
import { productRowBudgets, productRows } from './generate-deals';
import { DAY, HISTORY_DAYS } from './plan';
import { allocate, shareOf, Weighted, type Rng } from './random';
import type { Row } from './tables';

function orderRowCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.35 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
}

/** Orders of contacts (mostly) and companies, about two thirds paid, each with product rows. */
export function ordersFamily(world: World): Family {
  const { keys, now } = world;
  const n = world.counts.orders;
  const budget = productRowBudgets(world.counts.productRows).orders;
  return {
    name: 'orders',
    tables: ['order', 'productRow'],
    owners: n,
    *chunks(counters) {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Orders, start);
        const rowCounts = allocate(rng, end - start, shareOf(budget, n, start, end), orderRowCount, 1, 8);
        const orders: Row[] = [];
        const rows: Row[] = [];
        for (let o = start + 1; o <= end; o++) {
          const id = world.base.order + o;
          const contact = rng.chance(0.85) ? 1 + rng.int(world.counts.contacts) : null;
          const company = contact === null ? 1 + rng.int(world.counts.companies) : null;
          const profile = contact ? keys.contactProfile(contact) : keys.companyProfile(company!);
          const created = between(rng, contact ? keys.contactTimes(contact).created : keys.companyTimes(company!).created, now);
          const paid = rng.chance(0.65);
          const paidAt = paid ? Math.min(now, created + Math.floor(rng.next() * 10 * DAY)) : null;
          const { total } = productRows(world, rng, counters, itemAt(rowCounts, o - start - 1), 'general', USD_RATE[profile.currency], { order: id }, rows);
          const responsible = world.responsible.pick(rng);
          orders.push([
            id,
            rng.chance(0.4) ? `B24-O-${o}` : null,
            contact === null ? null : world.base.contact + contact,
            company === null ? null : world.base.company + company,
            paid,
            total,
            profile.currency,
            paidAt,
            created,
            paidAt ?? between(rng, created, now),
            responsible,
            responsible,
          ]);
        }
        yield { owners: end - start, order: orders, productRow: rows };
      }
    },
  };
}

const TYPES = new Weighted([
  [ActivityType.CALL, 35],
  [ActivityType.EMAIL, 30],
  [ActivityType.MEETING, 15],
  [ActivityType.TASK, 20],
]);
type Owner = 'contact' | 'deal' | 'company' | 'lead';
const OWNERS = new Weighted<Owner>([
  ['contact', 55],
  ['deal', 25],
  ['company', 10],
  ['lead', 10],
]);

/**
 * Calls, e-mails, meetings and tasks. A contact's activities fall between their creation and
 * their last activity, so "no activity for 90 days" agrees with the activity history.
 */
export function activitiesFamily(world: World): Family {
  const { keys, now, counts, base } = world;
  const n = counts.activities;
  const historyStart = now - HISTORY_DAYS * DAY;
  return {
    name: 'activities',
    tables: ['activity'],
    owners: n,
    *chunks() {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Activities, start);
        const activities: Row[] = [];
        for (let a = start + 1; a <= end; a++) {
          let owner = OWNERS.pick(rng);
          if ((owner === 'deal' && counts.deals === 0) || (owner === 'lead' && counts.leads === 0)) owner = 'contact';
          let from = historyStart;
          let to = now;
          const refs: [number | null, number | null, number | null, number | null] = [null, null, null, null];
          if (owner === 'contact' || owner === 'company') {
            let ordinal = 1 + rng.int(owner === 'contact' ? counts.contacts : counts.companies);
            let times = owner === 'contact' ? keys.contactTimes(ordinal) : keys.companyTimes(ordinal);
            for (let attempt = 0; attempt < 3 && times.lastActivity === null; attempt++) {
              ordinal = 1 + rng.int(owner === 'contact' ? counts.contacts : counts.companies);
              times = owner === 'contact' ? keys.contactTimes(ordinal) : keys.companyTimes(ordinal);
            }
            from = times.created;
            to = times.lastActivity ?? now;
            if (owner === 'contact') refs[0] = base.contact + ordinal;
            else refs[1] = base.company + ordinal;
          } else if (owner === 'lead') refs[2] = base.lead + 1 + rng.int(counts.leads);
          else refs[3] = base.deal + 1 + rng.int(counts.deals);
          const created = between(rng, from, to);
          const type = TYPES.pick(rng);
          const completed = rng.chance(created < now - 7 * DAY ? 0.85 : 0.3);
          const completedAt = completed ? Math.min(now, created + Math.floor(rng.next() * 5 * DAY)) : null;
          const deadline = rng.chance(0.7) ? created + rng.between(1, 14) * DAY : null;
          const responsible = world.responsible.pick(rng);
          activities.push([
            base.activity + a,
            rng.chance(0.3) ? `B24-A-${a}` : null,
            type,
            rng.pick(ACTIVITY_SUBJECTS[type]),
            completed,
            completedAt,
            deadline,
            responsible,
            ...refs,
            created,
            completedAt ?? created,
            responsible,
            responsible,
          ]);
        }
        yield { owners: end - start, activity: activities };
      }
    },
  };
}
