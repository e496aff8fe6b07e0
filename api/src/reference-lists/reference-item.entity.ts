import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';

/** Bitrix24's "Status and drop-down lists": admin-editable value lists used by CRM records. */
export enum ReferenceList {
  CONTACT_TYPE = 'CONTACT_TYPE',
  COMPANY_TYPE = 'COMPANY_TYPE',
  DEAL_TYPE = 'DEAL_TYPE',
  SOURCE = 'SOURCE',
  INDUSTRY = 'INDUSTRY',
  LEAD_STATUS = 'LEAD_STATUS',
}
registerEnumType(ReferenceList, { name: 'ReferenceList', description: 'An admin-editable list of values.' });

/** Where a lead status stands; copied onto each lead so segment rules can index it. */
export enum LeadStatusSemantic {
  IN_PROGRESS = 'IN_PROGRESS',
  CONVERTED = 'CONVERTED',
  JUNK = 'JUNK',
}
registerEnumType(LeadStatusSemantic, { name: 'LeadStatusSemantic' });

@ObjectType({ implements: Node, description: 'One value of a reference list. Its code is stable; the label may be renamed.' })
@Entity({ tableName: 'reference_item' })
@Unique({ properties: ['list', 'code'] })
export class ReferenceItem extends Record {
  @Field(() => ReferenceList)
  @Property({ type: 'string', length: 32 })
  list!: ReferenceList;

  @Field({ description: 'Stable code used in filters and imports (e.g. "CUSTOMER").' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  label!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sort: number = 0;

  @Field(() => LeadStatusSemantic, { nullable: true, description: 'LEAD_STATUS items only.' })
  @Property({ type: 'string', length: 16, nullable: true })
  semantic?: LeadStatusSemantic | null;
}
