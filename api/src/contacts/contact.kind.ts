import type { ChildWrites } from '../records/child-writes';
import { toDateOnly } from '../common/dates';
import type { RecordKind } from '../records/record-kind';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { prepareCommunications, replaceCommunications } from '../communications/communication.writer';
import { Company } from '../companies/company.entity';
import { CustomFieldEntity } from '../custom-fields/custom-field.enums';
import { deleteCustomValuesOf, prepareCustomValues, writeCustomValues } from '../custom-fields/custom-field.writer';
import { ReferenceList } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';
import { Contact } from './contact.entity';
import type { ContactInput } from './contact.inputs';

export const contactKind: RecordKind<Contact, ContactInput> = {
  entity: Contact,
  noun: 'contact',
  async prepare(input: ContactInput, ctx: WriteContext, path: Path, existing: Contact | null) {
    const firstName = ctx.text(input.firstName, [...path, 'firstName'], 100);
    const lastName = ctx.text(input.lastName, [...path, 'lastName'], 100);
    const hasName = (v: string | null | undefined, stored: string | null | undefined) => (v === undefined ? Boolean(stored) : Boolean(v));
    if (!hasName(firstName, existing?.firstName) && !hasName(lastName, existing?.lastName)) {
      ctx.problem([...path, 'lastName'], UserErrorCode.REQUIRED, 'A contact needs a first or a last name.');
    }
    const communications = prepareCommunications(input.communications, ctx, [...path, 'communications']);
    const customValues = await prepareCustomValues(CustomFieldEntity.CONTACT, input.customFields, ctx, [...path, 'customFields']);
    const changes: Partial<Contact> = {
      externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
      firstName,
      lastName,
      secondName: ctx.text(input.secondName, [...path, 'secondName'], 100),
      birthdate: toDateOnly(input.birthdate),
      gender: input.gender,
      type: await ctx.referenceItem(ReferenceList.CONTACT_TYPE, input.typeCode, [...path, 'typeCode']),
      source: await ctx.referenceItem(ReferenceList.SOURCE, input.sourceCode, [...path, 'sourceCode']),
      responsible: await ctx.byId(User, input.responsibleId, [...path, 'responsibleId']),
      city: ctx.text(input.city, [...path, 'city'], 200),
      country: ctx.text(input.country, [...path, 'country'], 100),
      company: await ctx.byIdOrExternalId(Company, input.companyId, input.companyExternalId, path, 'companyId'),
      createdAt: input.createdAt ?? undefined,
      lastActivityAt: input.lastActivityAt,
    };
    return {
      changes,
      writeChildren(children: ChildWrites, contact: Contact) {
        if (communications) replaceCommunications(children, 'contact', contact.key, communications);
        if (customValues) writeCustomValues(children, contact.key, customValues);
      },
    };
  },
  afterDelete: (em, keys) => deleteCustomValuesOf(em, CustomFieldEntity.CONTACT, keys),
};
