import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import { connectionType, toConnection } from '../common/connection';
import { keyOf, toGlobalId } from '../common/global-id';
import { encodeCursor, foreignCursor, PageArgs, pageInfoOf, readPageArgs } from '../common/paging';
import { UserError, UserErrorCode, UserErrors } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { actingUserKey, type Context } from '../request/context';
import { Requires } from '../request/guards';
import { User } from '../users/user.entity';
import type { Audience } from './audience';
import { ownerOf, recipientName, recipientPageStatement, type RecipientRow } from './audience-sql';
import { ForwardPageArgs, Recipient, RecipientConnection } from './audience.types';
import { Segment } from './definition/segment.entity';
import { inTx } from './membership/store';
import { savedAudience } from './saved-audience';

/**
 * Frozen audiences: the recipients of a segment on one channel as they are at the moment a
 * campaign goes out (stop list applied, names and owners as they were), stored as an immutable
 * list that can be paged, counted and compared with another one or with the segment now.
 * Deleting the segment keeps its audiences (they name it by the name it had).
 */

/** Rows read and written per step while freezing (keyset over the address). */
const FREEZE_CHUNK = 2_000;

@ObjectType({ description: 'A segment’s recipients on one channel, as they were when frozen (for a campaign): an immutable list.' })
export class FrozenAudience {
  key!: number;
  segmentKey!: number | null;
  createdByKey!: number | null;

  @Field(() => ID, { description: 'Global id.' })
  get id(): string {
    return toGlobalId('FrozenAudience', this.key);
  }

  @Field() name!: string;
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'The segment’s name when the audience was frozen.' }) segmentName!: string;
  @Field(() => Int, { description: 'Distinct addresses in the list.' }) recipientCount!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

const FrozenAudienceConnection = connectionType(FrozenAudience, 'FrozenAudience');

@InputType()
class FreezeAudienceInput {
  @Field(() => ID) segmentId!: string;
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'What the list is for, e.g. the campaign: 1–200 characters.' }) name!: string;
}

@ObjectType()
class FreezeAudiencePayload {
  @Field(() => FrozenAudience, { nullable: true }) audience!: FrozenAudience | null;
  @Field(() => [UserError]) errors!: UserError[];
}

export enum AudienceChange {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(AudienceChange, { name: 'AudienceChange', description: 'ADDED: in the later list only; REMOVED: in the earlier list only.' });

@ObjectType({ description: 'An address in one of two lists and not in the other.' })
class AudienceDifference {
  @Field(() => AudienceChange) change!: AudienceChange;
  @Field() address!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

const AudienceDifferenceConnection = connectionType(AudienceDifference, 'AudienceDifference');

type Row = Record<string, unknown>;
const instant = (v: unknown) => new Date(v as string | number);

function audienceOf(row: Row): FrozenAudience {
  return Object.assign(new FrozenAudience(), {
    key: Number(row.id),
    segmentKey: row.segment_id == null ? null : Number(row.segment_id),
    createdByKey: row.created_by_id == null ? null : Number(row.created_by_id),
    name: String(row.name),
    channel: row.channel as Channel,
    segmentName: String(row.segment_name),
    recipientCount: Number(row.recipients),
    createdAt: instant(row.created_at),
  });
}

async function findAudience(ctx: Context, id: string): Promise<FrozenAudience | null> {
  const key = keyOf(id, 'FrozenAudience');
  if (key === null) return null;
  const [row] = await ctx.db.read<Row>('SELECT * FROM frozen_audience WHERE id = ?', [key]);
  return row ? audienceOf(row) : null;
}

/** The addresses of one side of a comparison, as a subquery of `address`, `name`. */
function sideSql(side: { frozenKey: number } | { now: Audience; channel: Channel }): { sql: string; params: unknown[] } {
  if ('frozenKey' in side) return { sql: 'SELECT address, name FROM frozen_recipient WHERE audience_id = ?', params: [side.frozenKey] };
  const all = recipientPageStatement(side.now, side.channel, null, null);
  return { sql: `SELECT r.address AS address, COALESCE(r.contact_first_name, r.company_title, r.lead_title) AS name FROM (${all.sql}) r`, params: all.params };
}

@Resolver(() => FrozenAudience)
export class FrozenAudienceResolver {
  @Requires(Scope.RECIPIENTS_READ)
  @Mutation(() => FreezeAudiencePayload, { description: 'Stores the segment’s recipients on a channel as they are now (stop list applied) as an immutable list, e.g. the audience of a campaign.' })
  async freezeAudience(@Arg('input', () => FreezeAudienceInput) input: FreezeAudienceInput, @Ctx() ctx: Context): Promise<FreezeAudiencePayload> {
    const name = input.name.trim();
    if (!name || name.length > 200) return { audience: null, errors: [UserError.of(['name'], UserErrorCode.INVALID, 'Give the audience a name of 1–200 characters.')] };
    const key = keyOf(input.segmentId, 'Segment');
    const segment = key === null ? null : await ctx.em.findOne(Segment, { key });
    if (!segment) return { audience: null, errors: [UserError.of(['segmentId'], UserErrorCode.NOT_FOUND, 'No segment has this id.')] };
    const { audience, problems } = await savedAudience(ctx, segment, { exact: true });
    if (!audience) return { audience: null, errors: problems };
    const now = new Date();
    const audienceKey = await inTx(ctx.db, async (tx) => {
      const [created] = await tx.all<{ id: number | string }>(
        'INSERT INTO frozen_audience (segment_id, segment_name, channel, name, recipients, created_at, created_by_id) VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id',
        [segment.key, segment.name, input.channel, name, now, actingUserKey(ctx)],
      );
      const frozen = Number(created!.id);
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const page = recipientPageStatement(audience, input.channel, after, FREEZE_CHUNK);
        const rows = await tx.all<RecipientRow>(page.sql, page.params);
        if (!rows.length) break;
        await tx.run(
          `INSERT INTO frozen_recipient (audience_id, address, name, owner_type, owner_id) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          rows.flatMap((row) => {
            const owner = row.owner == null ? null : ownerOf(row.owner);
            return [frozen, row.address, recipientName(row), owner?.type ?? null, owner?.key ?? null];
          }),
        );
        total += rows.length;
        after = rows[rows.length - 1]!.address;
        if (rows.length < FREEZE_CHUNK) break;
      }
      await tx.run('UPDATE frozen_audience SET recipients = ? WHERE id = ?', [total, frozen]);
      return frozen;
    });
    const [row] = await ctx.em.getConnection().execute<Row[]>('SELECT * FROM frozen_audience WHERE id = ?', [audienceKey]);
    return { audience: audienceOf(row!), errors: [] };
  }

  @Requires(Scope.RECIPIENTS_READ)
  @Query(() => FrozenAudience, { nullable: true, description: 'A frozen audience by id.' })
  frozenAudience(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<FrozenAudience | null> {
    return findAudience(ctx, id);
  }

  @Requires(Scope.RECIPIENTS_READ)
  @Query(() => FrozenAudienceConnection, { description: 'Frozen audiences, newest first; of one segment when segmentId is given.' })
  async frozenAudiences(@Args(() => PageArgs) page: PageArgs, @Arg('segmentId', () => ID, { nullable: true }) segmentId: string | null, @Ctx() ctx: Context) {
    const { size, cursor, forward } = readPageArgs(page, ctx.config.maxPageSize);
    if (cursor && (cursor[0] !== 'frozen' || typeof cursor[1] !== 'number')) throw foreignCursor(forward ? 'after' : 'before');
    const filters: Array<[string, unknown]> = [];
    if (segmentId) filters.push(['segment_id = ?', keyOf(segmentId, 'Segment') ?? -1]);
    const where = filters.length ? `WHERE ${filters.map(([c]) => c).join(' AND ')}` : '';
    // Newest first; backwards (last/before) reads the other way and turns the page round.
    const and = cursor ? `${where ? ' AND' : 'WHERE'} id ${forward ? '<' : '>'} ?` : '';
    const read = await ctx.db.read<Row>(`SELECT * FROM frozen_audience ${where}${and} ORDER BY id ${forward ? 'DESC' : 'ASC'} LIMIT ?`, [
      ...filters.map(([, v]) => v),
      ...(cursor ? [cursor[1]] : []),
      size + 1,
    ]);
    const rows = forward ? read.slice(0, size) : read.slice(0, size).reverse();
    const edges = rows.map((row) => ({ cursor: encodeCursor(['frozen', Number(row.id)]), node: audienceOf(row) }));
    const more = read.length > size;
    return toConnection(FrozenAudienceConnection, {
      edges,
      pageInfo: pageInfoOf(edges, forward ? more : cursor !== null, forward ? cursor !== null : more),
      totalCount: async () =>
        Number(
          (
            await ctx.db.read<{ n: number | string }>(
              `SELECT COUNT(*) AS n FROM frozen_audience ${where}`,
              filters.map(([, v]) => v),
            )
          )[0]?.n ?? 0,
        ),
    });
  }

  @Requires(Scope.RECIPIENTS_READ)
  @Query(() => AudienceDifferenceConnection, {
    description: 'Addresses added and removed between two frozen audiences (`from` earlier, `to` later), or between a frozen audience and its segment now (no `to`), in address order.',
  })
  async audienceDiff(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID, { nullable: true }) to: string | null,
    @Arg('change', () => AudienceChange, { nullable: true, description: 'Only additions, or only removals.' }) change: AudienceChange | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const { size, cursor, forward } = readPageArgs(page, ctx.config.maxPageSize);
    // The cursor is "<change>:<address>" (changes hold no colon).
    const at = typeof cursor?.[0] === 'string' ? cursor[0].indexOf(':') : -1;
    if (cursor && at < 0) throw foreignCursor(forward ? 'after' : 'before');
    const position = cursor ? [String(cursor[0]).slice(0, at), String(cursor[0]).slice(at + 1)] : null;
    const earlier = await findAudience(ctx, from);
    if (!earlier) throw new UserErrors([UserError.of(['from'], UserErrorCode.NOT_FOUND, 'No frozen audience has this id.')], 'BAD_USER_INPUT');
    let later: Parameters<typeof sideSql>[0];
    if (to) {
      const frozen = await findAudience(ctx, to);
      if (!frozen) throw new UserErrors([UserError.of(['to'], UserErrorCode.NOT_FOUND, 'No frozen audience has this id.')], 'BAD_USER_INPUT');
      later = { frozenKey: frozen.key };
    } else {
      const segment = earlier.segmentKey === null ? null : await ctx.em.findOne(Segment, { key: earlier.segmentKey });
      if (!segment) throw new UserErrors([UserError.of(['to'], UserErrorCode.NOT_FOUND, 'The segment of this audience was deleted: compare it with another frozen audience.')], 'BAD_USER_INPUT');
      const { audience, problems } = await savedAudience(ctx, segment, { exact: true });
      if (!audience) throw new UserErrors([UserError.of(['to'], problems[0]?.code ?? UserErrorCode.INVALID, problems[0]?.message ?? 'The segment cannot be evaluated.')], 'BAD_FILTER');
      later = { now: audience, channel: earlier.channel };
    }
    const a = sideSql({ frozenKey: earlier.key });
    const b = sideSql(later);
    // Each side's addresses missing from the other; (change, address) orders the page.
    const branches: Array<{ change: AudienceChange; sql: string; params: unknown[] }> = [
      {
        change: AudienceChange.ADDED,
        sql: `SELECT 'ADDED' AS change, t.address, t.name FROM (${b.sql}) t WHERE t.address NOT IN (SELECT address FROM (${a.sql}) o)`,
        params: [...b.params, ...a.params],
      },
      {
        change: AudienceChange.REMOVED,
        sql: `SELECT 'REMOVED' AS change, t.address, t.name FROM (${a.sql}) t WHERE t.address NOT IN (SELECT address FROM (${b.sql}) o)`,
        params: [...a.params, ...b.params],
      },
    ].filter((branch) => !change || branch.change === change);
    const union = { sql: branches.map((x) => x.sql).join(' UNION ALL '), params: branches.flatMap((x) => x.params) };
    const [beyond, order] = forward ? ['>', 'ASC'] : ['<', 'DESC'];
    const after = position ? ` WHERE (d.change ${beyond} ? OR (d.change = ? AND d.address ${beyond} ?))` : '';
    const read = await ctx.db.read<{ change: AudienceChange; address: string; name: string | null }>(
      `SELECT d.change, d.address, d.name FROM (${union.sql}) d${after} ORDER BY d.change ${order}, d.address ${order} LIMIT ?`,
      [...union.params, ...(position ? [position[0], position[0], position[1]] : []), size + 1],
    );
    const rows = forward ? read.slice(0, size) : read.slice(0, size).reverse();
    const edges = rows.map((row) => ({ cursor: encodeCursor([`${row.change}:${row.address}`, 0]), node: Object.assign(new AudienceDifference(), row) }));
    const more = read.length > size;
    return toConnection(AudienceDifferenceConnection, {
      edges,
      pageInfo: pageInfoOf(edges, forward ? more : cursor !== null, forward ? cursor !== null : more),
      totalCount: async () => Number((await ctx.db.read<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${union.sql}) d`, union.params))[0]?.n ?? 0),
    });
  }

  @FieldResolver(() => Segment, { nullable: true, description: 'The segment, while it exists.' })
  segment(@Root() audience: FrozenAudience, @Ctx() ctx: Context): Promise<Segment | null> | null {
    return audience.segmentKey === null ? null : ctx.loaders.byProperty<Segment, number>(Segment, 'key').load(audience.segmentKey);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who froze it, while the user exists.' })
  createdBy(@Root() audience: FrozenAudience, @Ctx() ctx: Context): Promise<User | null> | null {
    return audience.createdByKey === null ? null : ctx.loaders.byProperty<User, number>(User, 'key').load(audience.createdByKey);
  }

  @FieldResolver(() => RecipientConnection, { description: 'The stored recipients in address order.' })
  async recipients(@Root() audience: FrozenAudience, @Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: Context) {
    const { size, cursor } = readPageArgs(page, ctx.config.maxPageSize);
    if (cursor && typeof cursor[0] !== 'string') throw foreignCursor('after');
    const after = cursor ? ' AND address > ?' : '';
    const rows = await ctx.db.read<{ address: string; name: string | null; owner_type: 'company' | 'contact' | 'lead' | null; owner_id: number | string | null }>(
      `SELECT address, name, owner_type, owner_id FROM frozen_recipient WHERE audience_id = ?${after} ORDER BY address LIMIT ?`,
      [audience.key, ...(cursor ? [cursor[0]] : []), size + 1],
    );
    const edges = rows.slice(0, size).map((row) => {
      const node: Recipient = {
        address: row.address,
        channel: audience.channel,
        name: row.name,
        ownerCount: row.owner_type ? 1 : 0,
        ownerRef: row.owner_type && row.owner_id != null ? { type: row.owner_type, key: Number(row.owner_id) } : null,
      };
      return { cursor: encodeCursor([row.address, 0]), node };
    });
    return toConnection(RecipientConnection, { edges, pageInfo: pageInfoOf(edges, rows.length > size, cursor !== null), totalCount: () => Promise.resolve(audience.recipientCount) });
  }
}
