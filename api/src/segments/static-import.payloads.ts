import { Field, Int, ObjectType } from 'type-graphql';
import { UserError, UserErrorCode } from '../common/user-error';

@ObjectType({ description: 'A line of an import that was not stored, and why.' })
export class RejectedLine {
  @Field(() => Int, { description: '1-based line number in the text (or position in the list).' }) line!: number;
  @Field({ description: 'The line as given (cut at 200 characters).' }) text!: string;
  @Field({ description: 'Why, in English.' }) reason!: string;
  @Field(() => UserErrorCode, {
    description:
      'Why, for clients to branch on or translate: INVALID_EMAIL, INVALID_PHONE, REQUIRED (no address on the line, or an empty messenger handle), INVALID (neither an e-mail address nor a phone number).',
  })
  code!: UserErrorCode;
}

@ObjectType({ description: 'What an import into a static segment did. Valid lines are stored even when others are rejected.' })
export class StaticImportReport {
  @Field(() => [UserError], { description: 'Problems that stopped the whole import (not a static segment, text too large).' }) errors!: UserError[];
  @Field(() => Int, { description: 'Non-blank lines read.' }) lines!: number;
  @Field(() => Int, { description: 'Addresses newly stored.' }) imported!: number;
  @Field(() => Int, { description: 'Lines repeating an address given earlier in the same input.' }) duplicatesInInput!: number;
  @Field(() => Int, { description: 'Valid addresses the segment already had.' }) alreadyPresent!: number;
  @Field(() => Int, { description: 'Lines rejected, all counted.' }) invalidCount!: number;
  @Field(() => [RejectedLine], { description: 'The rejected lines (the first 1,000).' }) invalid!: RejectedLine[];
}
