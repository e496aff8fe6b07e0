import type { Context } from '../request/context';
import { lightEntities } from '../common/light-rows';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import type { MemberType } from '../common/crm-enums';
import { Lead } from '../leads/lead.entity';
import type { MemberObject } from './audience.types';

const ENTITY = { company: Company, contact: Contact, lead: Lead } as const;

/**
 * Members by (type, key) as light read-only rows (see light-rows.ts), batched per request: a page
 * of members or of recipient owners costs one `id IN (...)` statement per member type.
 */
export function loadMember(ctx: Context, type: Exclude<MemberType, 'deal'>, key: number): Promise<MemberObject | null> {
  const entity = ENTITY[type];
  const loader = ctx.loaders.get<number, MemberObject | null>(`member:${type}`, async (keys) => {
    const meta = ctx.em.getMetadata().get(entity.name);
    const rows = await ctx.db.read<Record<string, unknown>>(`SELECT * FROM ${meta.tableName} WHERE id IN (${keys.map(() => '?').join(', ')})`, [...keys]);
    const byKey = new Map(lightEntities<MemberObject>(meta, rows, ctx.loaders, ctx.db.kind === 'sqlite').map((row) => [row.key, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  return loader.load(key);
}

/** Whole member rows already read (a one-type member page) as light rows. */
export function memberRows(ctx: Context, type: Exclude<MemberType, 'deal'>, rows: Array<Record<string, unknown>>): MemberObject[] {
  const meta = ctx.em.getMetadata().get(ENTITY[type].name);
  return lightEntities<MemberObject>(meta, rows, ctx.loaders, ctx.db.kind === 'sqlite');
}
