import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError, UserErrorCode, UserErrors } from './user-error';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size counting forward from `after` (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge the page starts after.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Page size counting backward from `before`.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge the page ends before.' })
  before?: string;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** A cursor is the sort key of the row: its ordered column's value and its unique key. */
export type CursorValue = [value: string | number | boolean | null, key: number];

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The largest key an `integer` column holds. */
export const MAX_KEY = 2_147_483_647;

export function decodeCursor(cursor: string, argName: string): CursorValue {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Keys are PostgreSQL `integer` columns: a key beyond them failed the query (found by the attack tests).
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'number' && Number.isInteger(parsed[1]) && Math.abs(parsed[1]) <= MAX_KEY) {
      const value: unknown = parsed[0];
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return parsed as CursorValue;
    }
  } catch {
    // fall through to the typed error
  }
  throw foreignCursor(argName);
}

export interface PageRequest {
  forward: boolean;
  size: number;
  cursor: CursorValue | null;
}

/** Validates first/after/last/before into one direction and size; the first page by default. */
export function readPageArgs(args: PageArgs, maxPageSize: number, defaultSize = 50): PageRequest {
  const problems: UserError[] = [];
  if (args.first != null && args.last != null) {
    problems.push(UserError.of(['last'], UserErrorCode.INVALID, 'Give "first" or "last", not both.'));
  }
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && (size < 0 || size > maxPageSize)) {
      problems.push(UserError.of([name], UserErrorCode.INVALID, `"${name}" must be between 0 and ${maxPageSize}.`));
    }
  }
  if (problems.length) throw new UserErrors(problems);
  const forward = args.last == null;
  const size = forward ? (args.first ?? defaultSize) : args.last!;
  const raw = forward ? args.after : args.before;
  return { forward, size, cursor: raw ? decodeCursor(raw, forward ? 'after' : 'before') : null };
}

/** Page information of a page of edges read with one row more than asked (that row tells if there is a next page). */
export function pageInfoOf(edges: Array<{ cursor: string }>, hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

/** A cursor of the right shape but the wrong kind for this list. */
export function foreignCursor(argName: string): UserErrors {
  return new UserErrors([UserError.of([argName], UserErrorCode.INVALID, `"${argName}" is not a cursor this list gave out.`)]);
}
