import { ref } from '@mikro-orm/core';
import type { ChildWrites } from '../records/child-writes';
import type { RecordKind } from '../records/record-kind';
import type { Path, WriteContext } from '../records/write-context';
import { prepareCommunications, replaceCommunications } from '../communications/communication.writer';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { CustomFieldEntity } from '../custom-fields/custom-field.enums';
import { deleteCustomValuesOf, prepareCustomValues, writeCustomValues } from '../custom-fields/custom-field.writer';
import { LeadStatusSemantic, ReferenceItem, ReferenceList } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';
import { Lead } from './lead.entity';
import type { LeadInput } from './lead.inputs';

/** A new lead without a status starts in the first in-progress status, as in Bitrix24. */
async function defaultStatus(ctx: WriteContext): Promise<ReferenceItem | null> {
  return ctx.loaders
    .get<string, ReferenceItem | null>('defaultLeadStatus', async (keys) => {
      const item = await ctx.em.findOne(ReferenceItem, { list: ReferenceList.LEAD_STATUS, semantic: LeadStatusSemantic.IN_PROGRESS }, { orderBy: { sort: 'asc', key: 'asc' } });
      return keys.map(() => item);
    })
    .load('default');
}

export const leadKind: RecordKind<Lead, LeadInput> = {
  entity: Lead,
  noun: 'lead',
  async prepare(input: LeadInput, ctx: WriteContext, path: Path, existing: Lead | null) {
    const title = ctx.text(existing && input.title === undefined ? undefined : (input.title ?? null), [...path, 'title'], 300, true);
    let status = await ctx.referenceItem(ReferenceList.LEAD_STATUS, input.statusCode, [...path, 'statusCode']);
    if (!existing && (status === undefined || status === null)) {
      const fallback = await defaultStatus(ctx);
      status = fallback ? ref(fallback) : status;
    }
    const communications = prepareCommunications(input.communications, ctx, [...path, 'communications']);
    const customValues = await prepareCustomValues(CustomFieldEntity.LEAD, input.customFields, ctx, [...path, 'customFields']);
    const changes: Partial<Lead> = {
      externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
      title: title ?? undefined,
      firstName: ctx.text(input.firstName, [...path, 'firstName'], 100),
      lastName: ctx.text(input.lastName, [...path, 'lastName'], 100),
      status,
      // Kept on the lead so segment rules on the semantic use an index (see performance notes).
      statusSemantic: status ? (status.getEntity().semantic ?? LeadStatusSemantic.IN_PROGRESS) : status === null ? LeadStatusSemantic.IN_PROGRESS : undefined,
      source: await ctx.referenceItem(ReferenceList.SOURCE, input.sourceCode, [...path, 'sourceCode']),
      converted: input.converted ?? undefined,
      responsible: await ctx.byId(User, input.responsibleId, [...path, 'responsibleId']),
      amount: ctx.nonNegative(input.amount, [...path, 'amount']),
      currency: ctx.currency(input.currency, [...path, 'currency']),
      city: ctx.text(input.city, [...path, 'city'], 200),
      contact: await ctx.byIdOrExternalId(Contact, input.contactId, input.contactExternalId, path, 'contactId'),
      company: await ctx.byIdOrExternalId(Company, input.companyId, input.companyExternalId, path, 'companyId'),
      createdAt: input.createdAt ?? undefined,
      lastActivityAt: input.lastActivityAt,
    };
    return {
      changes,
      writeChildren(children: ChildWrites, lead: Lead) {
        if (communications) replaceCommunications(children, 'lead', lead.key, communications);
        if (customValues) writeCustomValues(children, lead.key, customValues);
      },
    };
  },
  afterDelete: (em, keys) => deleteCustomValuesOf(em, CustomFieldEntity.LEAD, keys),
};
