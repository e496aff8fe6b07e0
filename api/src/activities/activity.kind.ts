import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { RecordKind } from '../records/record-kind';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { Deal } from '../deals/deal.entity';
import { Lead } from '../leads/lead.entity';
import { User } from '../users/user.entity';
import { Activity } from './activity.entity';
import type { ActivityInput } from './activity.inputs';

type Owner = Contact | Company | Lead;

/** Moves `last_activity_at` forward (never back) on the given records: one UPDATE per owner table. */
async function touch(em: SqlEntityManager, entity: EntityClass<Owner>, keys: number[], at: Date): Promise<void> {
  if (keys.length === 0) return;
  await em.nativeUpdate(entity, { key: { $in: keys }, $or: [{ lastActivityAt: null }, { lastActivityAt: { $lt: at } }] }, { lastActivityAt: at });
}

export const activityKind: RecordKind<Activity, ActivityInput> = {
  entity: Activity,
  noun: 'activity',
  async prepare(input: ActivityInput, ctx: WriteContext, path: Path, existing: Activity | null) {
    if (!existing && !input.type) ctx.problem([...path, 'type'], UserErrorCode.REQUIRED, 'type is required.');
    const contact = await ctx.byIdOrExternalId(Contact, input.contactId, input.contactExternalId, path, 'contactId');
    const company = await ctx.byIdOrExternalId(Company, input.companyId, input.companyExternalId, path, 'companyId');
    const lead = await ctx.byIdOrExternalId(Lead, input.leadId, input.leadExternalId, path, 'leadId');
    const deal = await ctx.byIdOrExternalId(Deal, input.dealId, input.dealExternalId, path, 'dealId');
    const ownerInputs = [input.contactId, input.contactExternalId, input.companyId, input.companyExternalId, input.leadId, input.leadExternalId, input.dealId, input.dealExternalId];
    const stillOwned = [
      [contact, existing?.contact],
      [company, existing?.company],
      [lead, existing?.lead],
      [deal, existing?.deal],
    ].some(([given, stored]) => (given === undefined ? stored : given));
    if (!ownerInputs.some((v) => v != null) && !stillOwned) {
      ctx.problem([...path, 'contactId'], UserErrorCode.REQUIRED, 'An activity belongs to a contact, company, lead or deal; give at least one.');
    }
    const completed = input.completed ?? undefined;
    return {
      changes: {
        externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
        type: input.type ?? undefined,
        subject: ctx.text(input.subject, [...path, 'subject'], 300),
        completed,
        completedAt: input.completedAt !== undefined ? input.completedAt : completed && !existing?.completedAt ? new Date() : undefined,
        deadline: input.deadline,
        responsible: await ctx.byId(User, input.responsibleId, [...path, 'responsibleId']),
        contact,
        company,
        lead,
        deal,
        createdAt: input.createdAt ?? undefined,
      },
    };
  },
  /** An activity on a deal also counts for the deal's contact and company. */
  async afterWrite(em, activities) {
    const dealKeys = activities.map((a) => a.deal?.key).filter((k): k is number => k !== undefined);
    const deals = dealKeys.length ? await em.find(Deal, { key: { $in: dealKeys } }) : [];
    const dealByKey = new Map(deals.map((d) => [d.key, d]));
    for (const activity of activities) {
      const deal = activity.deal ? dealByKey.get(activity.deal.key) : undefined;
      const contactKeys = [activity.contact?.key, deal?.contact?.key].filter((k): k is number => k !== undefined);
      const companyKeys = [activity.company?.key, deal?.company?.key].filter((k): k is number => k !== undefined);
      await touch(em, Contact, contactKeys, activity.createdAt);
      await touch(em, Company, companyKeys, activity.createdAt);
      await touch(em, Lead, activity.lead ? [activity.lead.key] : [], activity.createdAt);
    }
  },
};
