import { Field, ID, InputType, Int } from 'type-graphql';
import { ClientType, SegmentSource } from '../common/crm-enums';
import { FilterGroupInput } from './filtering/filter.inputs';
import { SegmentKind } from './definition/segment.enums';

@InputType({ description: 'What decides who is in a dynamic segment; previewSegment takes it unsaved.' })
export class SegmentDefinitionInput {
  @Field(() => SegmentSource, { defaultValue: SegmentSource.CLIENTS })
  source!: SegmentSource;

  @Field(() => ClientType, { defaultValue: ClientType.ANY, description: 'Clients source only: contacts, companies or both.' })
  clientType!: ClientType;

  @Field(() => FilterGroupInput)
  filter!: FilterGroupInput;

  @Field(() => String, { nullable: true, description: 'IANA zone for relative dates; null = DEFAULT_TIME_ZONE.' })
  timeZone?: string | null;
}

@InputType()
export class CreateSegmentInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Free labels for grouping and filtering the list.' }) tags?: string[] | null;
  @Field(() => SegmentKind, { defaultValue: SegmentKind.DYNAMIC }) kind!: SegmentKind;
  @Field(() => SegmentSource, { defaultValue: SegmentSource.CLIENTS }) source!: SegmentSource;
  @Field(() => ClientType, { defaultValue: ClientType.ANY }) clientType!: ClientType;
  @Field(() => FilterGroupInput, { nullable: true, description: 'Required for a dynamic segment; not allowed for a static one.' }) filter?: FilterGroupInput | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
}

@InputType({ description: 'Fields left out stay as they are. The kind of a segment does not change.' })
export class UpdateSegmentInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version the client last read; if the segment has changed since, nothing is written and VERSION_CONFLICT is returned.' }) version!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => SegmentSource, { nullable: true }) source?: SegmentSource | null;
  @Field(() => ClientType, { nullable: true }) clientType?: ClientType | null;
  @Field(() => FilterGroupInput, { nullable: true }) filter?: FilterGroupInput | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
}
