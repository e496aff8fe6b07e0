import { Field, ID, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { UserError } from './user-error';

/** `<Name>Payload { <field>: Name, errors }`: what every create/update mutation returns. */
export function payloadType<T extends object>(nodeType: ClassType<T>, name: string, field: string) {
  @ObjectType(`${name}Payload`)
  class Payload {
    @Field(() => nodeType, { name: field, nullable: true, description: `The ${name} as stored; null when there are errors.` })
    node!: T | null;

    @Field(() => [UserError], { description: 'Empty on success.' })
    errors!: UserError[];
  }
  return Payload;
}

@ObjectType({ description: 'The result of a delete.' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted object; null when there are errors.' })
  deletedId!: string | null;

  @Field(() => [UserError])
  errors!: UserError[];
}

export enum UpsertStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  FAILED = 'FAILED',
}
registerEnumType(UpsertStatus, { name: 'UpsertStatus' });

/** `<Name>UpsertResult` per row and `<Name>BulkUpsertPayload` with totals. */
export function bulkPayloadType<T extends object>(nodeType: ClassType<T>, name: string, field: string) {
  @ObjectType(`${name}UpsertResult`, { description: 'What happened to one row of a bulk upsert.' })
  class RowResult {
    @Field(() => Int, { description: 'Position of the row in the input (0-based).' })
    index!: number;

    @Field(() => String, { nullable: true })
    externalId!: string | null;

    @Field(() => UpsertStatus)
    status!: UpsertStatus;

    @Field(() => nodeType, { name: field, nullable: true })
    node!: T | null;

    @Field(() => [UserError])
    errors!: UserError[];
  }

  @ObjectType(`${name}BulkUpsertPayload`)
  class BulkPayload {
    @Field(() => [RowResult], { description: 'One result per input row, in input order.' })
    results!: RowResult[];

    @Field(() => Int) created!: number;
    @Field(() => Int) updated!: number;
    @Field(() => Int) failed!: number;
  }
  return BulkPayload;
}
