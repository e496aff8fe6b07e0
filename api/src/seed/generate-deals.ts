import { fold } from '../filter/language/fold';
import { itemAt } from '../lib/indexed';
import { StageSemantic } from '../deals/stage.entity';
import { dealTitle, GYM_PRODUCTS, productName, USD_RATE } from './catalog';
import { between, chunkRanges, chunkRng, customValue, FamilySalt, isoDate, money, type Counters, type Family, type World } from './family';
import { DAY, HISTORY_DAYS } from './plan';
import { allocate, hash, Rng, shareOf, Weighted } from './random';
import type { PipelineKind } from './setup';
import type { Row } from './tables';

/** Product rows: 60% on deals, 40% on orders. */
export function productRowBudgets(total: number): { deals: number; orders: number } {
  const deals = Math.round(total * 0.6);
  return { deals, orders: total - deals };
}

/** Name and USD list price of product ordinal `p`; the gym's memberships come first. */
export function productInfo(seed: number, p: number): { name: string; usd: number } {
  if (p <= GYM_PRODUCTS.length) {
    const [name, usd] = itemAt(GYM_PRODUCTS, p - 1);
    return { name, usd };
  }
  return productName(new Rng(hash(seed, FamilySalt.Products, p)), p);
}

export function productsFamily(world: World, names: readonly string[]): Family {
  const n = world.counts.products;
  return {
    name: 'products',
    tables: ['product'],
    owners: n,
    *chunks() {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Products, start);
        const rows: Row[] = [];
        for (let p = start + 1; p <= end; p++) {
          const created = Math.floor(world.now - HISTORY_DAYS * DAY * rng.next());
          const name = itemAt(names, p - 1);
          rows.push([
            world.base.product + p,
            `P-${p}`,
            name,
            fold(name),
            `SKU-${String(p).padStart(5, '0')}`,
            itemAt(world.productUsd, p - 1),
            'USD',
            rng.chance(0.95),
            created,
            between(rng, created, world.now),
            world.adminId,
            world.adminId,
          ]);
        }
        yield { owners: end - start, product: rows };
      }
    },
  };
}

/** Picks product ordinals and prices for the rows of one deal or order, returning their sum. */
export function productRows(
  world: World,
  rng: Rng,
  counters: Counters,
  count: number,
  kind: PipelineKind,
  rate: number,
  parent: { deal?: number; order?: number },
  into: Row[],
): { total: number; first: number | null } {
  const products = world.counts.products;
  const gym = Math.min(GYM_PRODUCTS.length, products);
  let total = 0;
  let first: number | null = null;
  for (let i = 0; i < count; i++) {
    const p = kind === 'gym' || products <= gym ? 1 + rng.int(gym) : gym + 1 + rng.int(products - gym);
    const quantity = kind === 'gym' ? 1 : kind === 'wholesale' ? rng.between(10, 500) : rng.chance(0.7) ? 1 : rng.between(2, 10);
    const price = money(itemAt(world.productUsd, p - 1) * rate * (0.9 + 0.2 * rng.next()));
    total += quantity * price;
    first ??= p;
    into.push([world.base.productRow + ++counters.productRow, world.base.product + p, parent.deal ?? null, parent.order ?? null, quantity, price]);
  }
  return { total: money(total), first };
}

function dealRowCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.45 ? 0 : u < 0.7 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 4;
}

const MEMBERSHIP = new Weighted([
  [0, 50],
  [1, 25],
  [2, 25],
]);
const MEMBERSHIP_MONTHS = [1, 3, 12];

/**
 * Deals in three pipelines, on contacts and/or companies; a quarter of the clients never get
 * one. The stage's semantic is copied onto the deal as the API does on every write.
 */
export function dealsFamily(world: World, productNames: readonly string[]): Family {
  const { keys, setup, now } = world;
  const n = world.counts.deals;
  const budget = productRowBudgets(world.counts.productRows).deals;
  const { UF_MEMBERSHIP_TYPE, UF_RENEWAL_DATE } = setup.fields;

  const pickClient = (rng: Rng, dealless: (ordinal: number) => boolean, count: number) => {
    let ordinal = 1 + rng.int(count);
    for (let attempt = 0; attempt < 4 && dealless(ordinal); attempt++) ordinal = 1 + rng.int(count);
    return ordinal;
  };

  return {
    name: 'deals',
    tables: ['deal', 'productRow', 'customValue'],
    owners: n,
    *chunks(counters) {
      for (const [start, end] of chunkRanges(n)) {
        const rng = chunkRng(world, FamilySalt.Deals, start);
        const rowCounts = allocate(rng, end - start, shareOf(budget, n, start, end), dealRowCount, 0, 6);
        const deals: Row[] = [];
        const rows: Row[] = [];
        const values: Row[] = [];
        for (let d = start + 1; d <= end; d++) {
          const id = world.base.deal + d;
          const pipeline = setup.pipelines.pick(rng);
          const stage = pipeline.stages.pick(rng);
          let contact: number | null = null;
          let company: number | null = null;
          if (pipeline.kind === 'gym' || rng.chance(0.75)) {
            contact = pickClient(rng, (c) => keys.contactDealless(c), world.counts.contacts);
            if (pipeline.kind !== 'gym' && rng.chance(0.5)) company = keys.contactCompany(contact);
          } else {
            company = pickClient(rng, (k) => keys.companyDealless(k), world.counts.companies);
          }
          const profile = contact ? keys.contactProfile(contact) : keys.companyProfile(company!);
          const ownerCreated = contact ? keys.contactTimes(contact).created : keys.companyTimes(company!).created;
          const created = between(rng, ownerCreated, now);
          const closed = stage.semantic === StageSemantic.IN_PROGRESS ? null : Math.min(now, created + Math.floor(rng.next() * 120 * DAY));
          const rate = USD_RATE[profile.currency];
          const lines = productRows(world, rng, counters, itemAt(rowCounts, d - start - 1), pipeline.kind, rate, { deal: id }, rows);
          const amount = lines.first !== null ? lines.total : rng.chance(0.9) ? money(rng.logNormal(1_500, 1.3) * rate) : null;
          const subject = itemAt(productNames, (lines.first ?? 1 + rng.int(productNames.length)) - 1);
          const title = dealTitle(rng, profile.locale, subject);
          const responsible = world.responsible.pick(rng);
          deals.push([
            id,
            rng.chance(0.5) ? `B24-D-${d}` : null,
            title,
            fold(title),
            pipeline.id,
            stage.id,
            stage.semantic,
            amount,
            amount === null ? null : profile.currency,
            pipeline.kind === 'gym' ? setup.refs.servicesDealType : setup.refs.dealType.pick(rng),
            responsible,
            contact === null ? null : world.base.contact + contact,
            company === null ? null : world.base.company + company,
            closed,
            created,
            closed ?? between(rng, created, now),
            responsible,
            responsible,
          ]);

          if (pipeline.kind === 'gym' && rng.chance(0.95) && UF_MEMBERSHIP_TYPE.options.length) {
            const plan = MEMBERSHIP.pick(rng) % UF_MEMBERSHIP_TYPE.options.length;
            values.push(customValue(counters, world, UF_MEMBERSHIP_TYPE, id, 'option', itemAt(UF_MEMBERSHIP_TYPE.options, plan)));
            if (stage.semantic === StageSemantic.WON || rng.chance(0.3)) {
              const renewal = (closed ?? created) + itemAt(MEMBERSHIP_MONTHS, plan % 3) * 30 * DAY;
              values.push(customValue(counters, world, UF_RENEWAL_DATE, id, 'date', isoDate(renewal)));
            }
          }
        }
        yield { owners: end - start, deal: deals, productRow: rows, customValue: values };
      }
    },
  };
}
