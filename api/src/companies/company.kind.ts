import type { ChildWrites } from '../records/child-writes';
import type { RecordKind } from '../records/record-kind';
import type { Path, WriteContext } from '../records/write-context';
import { prepareCommunications, replaceCommunications } from '../communications/communication.writer';
import { CustomFieldEntity } from '../custom-fields/custom-field.enums';
import { deleteCustomValuesOf, prepareCustomValues, writeCustomValues } from '../custom-fields/custom-field.writer';
import { ReferenceList } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';
import { Company } from './company.entity';
import type { CompanyInput } from './company.inputs';

export const companyKind: RecordKind<Company, CompanyInput> = {
  entity: Company,
  noun: 'company',
  async prepare(input: CompanyInput, ctx: WriteContext, path: Path, existing: Company | null) {
    const title = ctx.text(existing && input.title === undefined ? undefined : (input.title ?? null), [...path, 'title'], 300, true);
    const communications = prepareCommunications(input.communications, ctx, [...path, 'communications']);
    const customValues = await prepareCustomValues(CustomFieldEntity.COMPANY, input.customFields, ctx, [...path, 'customFields']);
    const changes: Partial<Company> = {
      externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
      title: title ?? undefined,
      type: await ctx.referenceItem(ReferenceList.COMPANY_TYPE, input.typeCode, [...path, 'typeCode']),
      industry: await ctx.referenceItem(ReferenceList.INDUSTRY, input.industryCode, [...path, 'industryCode']),
      source: await ctx.referenceItem(ReferenceList.SOURCE, input.sourceCode, [...path, 'sourceCode']),
      revenue: ctx.nonNegative(input.revenue, [...path, 'revenue']),
      employees: ctx.nonNegative(input.employees, [...path, 'employees']),
      responsible: await ctx.byId(User, input.responsibleId, [...path, 'responsibleId']),
      city: ctx.text(input.city, [...path, 'city'], 200),
      country: ctx.text(input.country, [...path, 'country'], 100),
      createdAt: input.createdAt ?? undefined,
      lastActivityAt: input.lastActivityAt,
    };
    return {
      changes,
      writeChildren(children: ChildWrites, company: Company) {
        if (communications) replaceCommunications(children, 'company', company.key, communications);
        if (customValues) writeCustomValues(children, company.key, customValues);
      },
    };
  },
  afterDelete: (em, keys) => deleteCustomValuesOf(em, CustomFieldEntity.COMPANY, keys),
};
