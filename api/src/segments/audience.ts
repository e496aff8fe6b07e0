import { registerEnumType } from 'type-graphql';
import type { Context } from '../request/context';
import { UserError, UserErrorCode } from '../common/user-error';
import type { Sql } from '../filter/sql/dialect';
import { ClientType, SegmentSource } from '../common/crm-enums';
import type { MemberType } from '../common/crm-enums';
import { and } from '../filter/sql/fragments';
import type { FilterGroup } from '../filter/language/tree';
import { staticMembersPredicate, type ReferencedDefinition } from './filtering/membership';
import { membersOf } from './filtering/members-of';
import { prepareFilter } from './filtering/query';
import { SegmentKind } from './definition/segment.enums';
import { sourceBase } from './definition/source-base';

/** What decides who is in a segment: enough to count it, page it and export it. */
export interface SegmentDefinition {
  kind: SegmentKind;
  source: SegmentSource;
  clientType: ClientType;
  filter?: FilterGroup | null;
  timeZone?: string | null;
  /** The stored segment (static segments read their addresses by it). */
  key?: number;
}

/**
 * Who is in a segment, as SQL: one predicate over rows `m` per member type, in member order
 * (company, contact, lead). A static segment also names itself: its recipients are its stored
 * addresses rather than its members' communications.
 */
export interface Audience {
  members: Array<{ type: MemberType; predicate: Sql }>;
  staticKey: number | null;
  /** Set when the members are a saved segment's maintained membership (counts read its sizes). */
  maintainedKey?: number;
  /** How fresh figures of this audience are; unset: evaluated now. */
  freshness?: Freshness;
}

/** Where a figure comes from and how fresh it is. */
export interface Freshness {
  source: FigureSource;
  /** Every change committed before this instant is in the figure. */
  asOf: Date;
  /** No queued change and no pending day boundary concerns the segment: the figure is the live answer. */
  exact: boolean;
}

export enum FigureSource {
  /** Read from the segment's maintained membership. */
  MEMBERSHIP = 'MEMBERSHIP',
  /** Evaluated from the current data for this request (unsaved definitions, static segments, a membership still building, `live: true`). */
  LIVE = 'LIVE',
}
registerEnumType(FigureSource, { name: 'FigureSource', description: 'Where a figure comes from: the maintained membership, or an evaluation of the current data.' });

export const ALL_MEMBER_TYPES: MemberType[] = ['company', 'contact', 'lead'];

/**
 * Validates and compiles a definition as of `now`. The zone of relative dates is the operation's
 * `timeZone`, else the segment's, else DEFAULT_TIME_ZONE. Problems come back, never thrown.
 * `origin`: whether the caller composed the filter now (the default) or it is a saved one (see FilterRequest).
 */
export async function audienceOf(
  ctx: Context,
  definition: SegmentDefinition,
  options: { timeZone?: string | null; now?: Date; origin?: 'caller' | 'saved'; overrides?: Map<number, ReferencedDefinition> } = {},
): Promise<{ audience: Audience | null; problems: UserError[] }> {
  if (definition.kind === SegmentKind.STATIC) {
    if (definition.key === undefined) return { audience: null, problems: [UserError.of([], UserErrorCode.INVALID, 'A static segment must be saved before it can be counted.')] };
    const key = definition.key;
    return { audience: { staticKey: key, members: ALL_MEMBER_TYPES.map((type) => ({ type, predicate: staticMembersPredicate(key, type) })) }, problems: [] };
  }
  if (!definition.filter) return { audience: null, problems: [UserError.of(['filter'], UserErrorCode.REQUIRED, 'A dynamic segment needs a filter.')] };
  const members = membersOf(definition.source, definition.clientType);
  const prepared = await prepareFilter(ctx, {
    tree: definition.filter,
    source: definition.source,
    members,
    timeZone: options.timeZone || definition.timeZone,
    now: options.now,
    origin: options.origin,
    overrides: options.overrides,
  });
  if (prepared.problems.length) return { audience: null, problems: prepared.problems.map((p) => UserError.of(p.path[0] === 'timeZone' ? p.path : ['filter', ...p.path], p.code, p.message)) };
  return {
    audience: {
      staticKey: null,
      members: members.map((type) => ({ type, predicate: and([sourceBase(definition.source, type, ctx.db.kind), prepared.predicates.get(type)!]) })),
    },
    problems: [],
  };
}
