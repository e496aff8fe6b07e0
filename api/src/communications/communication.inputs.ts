import { Field, InputType } from 'type-graphql';
import { Channel, CommunicationValueType } from './communication.enums';

@InputType({ description: 'An e-mail, phone or messenger handle. Phones without a country code are read in DEFAULT_PHONE_REGION.' })
export class CommunicationInput {
  @Field(() => Channel)
  channel!: Channel;

  @Field(() => CommunicationValueType, { nullable: true, description: 'Defaults to WORK (OTHER for messengers).' })
  valueType?: CommunicationValueType;

  @Field()
  value!: string;
}
