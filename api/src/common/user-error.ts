import { GraphQLError } from 'graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Codes a client can branch on. Messages are for people and may change; codes do not.
 */
export enum UserErrorCode {
  /** The input failed a rule of its own (length, format, range). */
  INVALID = 'INVALID',
  /** A required value is missing. */
  REQUIRED = 'REQUIRED',
  /** An id, code or external id points at nothing. */
  NOT_FOUND = 'NOT_FOUND',
  /** The value would break a uniqueness rule (code, external id, e-mail). */
  DUPLICATE = 'DUPLICATE',
  /** The record is still used by others; see the message for how many. */
  IN_USE = 'IN_USE',
  /** An e-mail address that is not one. */
  INVALID_EMAIL = 'INVALID_EMAIL',
  /** A phone number that cannot be read, even with the default region. */
  INVALID_PHONE = 'INVALID_PHONE',
  /** Too many rows or values in one call. */
  TOO_MANY = 'TOO_MANY',
  /** Someone else changed the record since the client read it. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The row could not be written for a reason outside the input (reported, not thrown). */
  WRITE_FAILED = 'WRITE_FAILED',
  // Filter problems (see the filter language contract): path points into the tree.
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  OPERATOR_NOT_ALLOWED = 'OPERATOR_NOT_ALLOWED',
  VALUE_TYPE_MISMATCH = 'VALUE_TYPE_MISMATCH',
  MISSING_VALUE = 'MISSING_VALUE',
  UNKNOWN_VALUE = 'UNKNOWN_VALUE',
  STAGE_WITHOUT_PIPELINE = 'STAGE_WITHOUT_PIPELINE',
  EMPTY_GROUP = 'EMPTY_GROUP',
  SCOPE_MISMATCH = 'SCOPE_MISMATCH',
  SEGMENT_CYCLE = 'SEGMENT_CYCLE',
  TOO_DEEP = 'TOO_DEEP',
  TOO_MANY_RULES = 'TOO_MANY_RULES',
  TOO_MANY_VALUES = 'TOO_MANY_VALUES',
  /** A personal field (SegmentField.personal) in a filter composed by a caller without crm:read. */
  FIELD_NOT_ALLOWED = 'FIELD_NOT_ALLOWED',
  // Access.
  /** Wrong e-mail or password (which one is not said). */
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  /** Too many wrong passwords: wait `retryAfterSeconds` (also in `count`, for older clients). */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** A new password that breaks the password rules (length, not the e-mail). */
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  /** The change would leave no active administrator. */
  LAST_ADMIN = 'LAST_ADMIN',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Machine-readable reason of a UserError.',
});

@ObjectType({ description: 'A saved segment named by an error: what stands in the way of a change, and where to fix it.' })
export class SegmentRef {
  @Field(() => ID, { description: 'Global id of the segment.' })
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'An expected failure: bad input, a conflict, a missing record. Never a stack trace.' })
export class UserError {
  @Field(() => [String], { description: 'Where the problem is: input field names and list indexes, e.g. ["input", "communications", "2", "value"].' })
  path!: string[];

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field({ description: 'What went wrong, in words a person understands.' })
  message!: string;

  /** How many records use the value, for IN_USE. */
  @Field(() => Int, { nullable: true, description: 'For IN_USE: how many records still use the value.' })
  count?: number;

  /**
   * For IN_USE because saved segments name the value: which ones, so a client can say so in its
   * own words and link to them instead of parsing the message.
   */
  @Field(() => [SegmentRef], {
    nullable: true,
    description: 'For IN_USE because saved segments name the value in their filters: those segments (the first 20, by name); `count` is then how many segments in all. Null otherwise.',
  })
  segments?: SegmentRef[];

  @Field(() => Int, { nullable: true, description: 'For TOO_MANY_ATTEMPTS: seconds until this client may try again. Null otherwise.' })
  retryAfterSeconds?: number;

  /** TOO_MANY_ATTEMPTS: the client waits; nothing says whether the e-mail or account exists. */
  static tooManyAttempts(path: Array<string | number>, retryAfterSeconds: number): UserError {
    const error = UserError.of(path, UserErrorCode.TOO_MANY_ATTEMPTS, `Too many wrong passwords. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static of(path: Array<string | number>, code: UserErrorCode, message: string, count?: number): UserError {
    const error = new UserError();
    error.path = path.map(String);
    error.code = code;
    error.message = message;
    if (count !== undefined) error.count = count;
    return error;
  }
}

/**
 * Bad input to a query (not a mutation, which has a payload for errors): a GraphQL error with
 * `extensions.code` (BAD_USER_INPUT unless given) and every problem in `extensions.problems`.
 */
export class UserErrors extends GraphQLError {
  constructor(
    readonly errors: UserError[],
    code = 'BAD_USER_INPUT',
  ) {
    super(errors.map((e) => e.message).join(' '), {
      extensions: { code, problems: errors.map(({ path, code: problem, message }) => ({ path, code: problem, message })) },
    });
  }
}
