import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { CommunicationInput } from '../communications/communication.inputs';
import { CustomFieldValueInput } from '../custom-fields/custom-field.inputs';
import { Gender } from './contact.entity';

@InputType({ description: 'A contact. On update, fields left out keep their value and null clears one. At least a first or last name on create.' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Your system’s id for the contact; bulk upserts match on it.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) secondName?: string | null;
  @Field(() => DateResolver, { nullable: true }) birthdate?: Date | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;

  @Field(() => String, { nullable: true, description: 'Code of a CONTACT_TYPE item.' })
  typeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of a SOURCE item.' })
  sourceCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The responsible user.' })
  responsibleId?: string | null;

  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;

  @Field(() => ID, { nullable: true, description: 'The company the contact works for.' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The company by its external id (instead of companyId).' })
  companyExternalId?: string | null;

  @Field(() => [CommunicationInput], { nullable: true, description: 'Replaces all of the contact’s communications when given.' })
  communications?: CommunicationInput[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the named custom fields; others keep their values.' })
  customFields?: CustomFieldValueInput[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'For imports of history; defaults to now on create.' })
  createdAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true }) lastActivityAt?: Date | null;
}
