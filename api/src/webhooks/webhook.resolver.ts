import { randomBytes } from 'node:crypto';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import { connectionType, toConnection } from '../common/connection';
import { keyOf, toGlobalId } from '../common/global-id';
import { encodeCursor, foreignCursor, PageArgs, pageInfoOf, readPageArgs } from '../common/paging';
import { DeletePayload } from '../common/payloads';
import { UserError, UserErrorCode, UserErrors } from '../common/user-error';
import { sqliteParams } from '../db/sqlite-reader';
import { actingUserKey, type Context } from '../request/context';
import { Requires } from '../request/guards';
import { post } from './deliverer';
import { DeliveryState } from './webhook-store';

/** The kinds of membership events a subscription takes (the GraphQL enum is MembershipChangeKind's values). */
export enum WebhookEvent {
  ENTERED = 'ENTERED',
  LEFT = 'LEFT',
}
registerEnumType(WebhookEvent, { name: 'WebhookEvent', description: 'ENTERED: records that joined a segment; LEFT: records that left it.' });
registerEnumType(DeliveryState, {
  name: 'WebhookDeliveryState',
  description: 'PENDING: to be sent (again); DELIVERED: a 2xx answer came; FAILED: retried for WEBHOOK_RETRY_HOURS without one (the subscription was then disabled).',
});

type Row = Record<string, unknown>;
const instant = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | number));

@ObjectType({ description: 'A URL told of records entering and leaving a segment (or every segment).' })
export class WebhookSubscription {
  key!: number;
  @Field(() => ID) get id(): string {
    return toGlobalId('WebhookSubscription', this.key);
  }
  @Field() url!: string;
  @Field(() => ID, { nullable: true, description: 'The segment; null: every segment.' }) segmentId!: string | null;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field({ description: 'False once disabled (by an administrator, or after a delivery failed for WEBHOOK_RETRY_HOURS).' }) active!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was disabled.' }) disabledReason!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

function subscriptionOf(row: Row): WebhookSubscription {
  return Object.assign(new WebhookSubscription(), {
    key: Number(row.id),
    url: String(row.url),
    segmentId: row.segment_id == null ? null : toGlobalId('Segment', Number(row.segment_id)),
    events: String(row.events).split(',') as WebhookEvent[],
    active: Boolean(row.active),
    disabledReason: (row.disabled_reason as string | null) ?? null,
    createdAt: instant(row.created_at)!,
  });
}

@ObjectType({ description: 'One try of a delivery.' })
class WebhookAttempt {
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status; null when none came (refused, timed out).' }) status!: number | null;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'The start of the receiver’s answer (500 characters).' }) responseExcerpt!: string | null;
}

@ObjectType({ description: 'A batch of membership events for one subscription and segment, as JSON.' })
class WebhookDelivery {
  key!: number;
  @Field(() => ID) get id(): string {
    return toGlobalId('WebhookDelivery', this.key);
  }
  @Field(() => DeliveryState) state!: DeliveryState;
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it is tried next (PENDING).' }) nextAttemptAt!: Date | null;
  @Field({ description: 'The JSON body sent.' }) payload!: string;
}

const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');

@InputType()
class WebhookSubscriptionInput {
  @Field({ description: 'An http(s) URL, at most 2000 characters.' }) url!: string;
  @Field(() => ID, { nullable: true, description: 'One segment; leave out for every segment.' }) segmentId?: string | null;
  @Field(() => [WebhookEvent], { defaultValue: [WebhookEvent.ENTERED, WebhookEvent.LEFT] }) events!: WebhookEvent[];
}

@ObjectType()
class CreateWebhookPayload {
  @Field(() => WebhookSubscription, { nullable: true }) subscription!: WebhookSubscription | null;
  @Field(() => String, { nullable: true, description: 'The signing secret: shown once, here; keep it with the receiver.' }) secret!: string | null;
  @Field(() => [UserError]) errors!: UserError[];
}

@ObjectType()
class WebhookPayload {
  @Field(() => WebhookSubscription, { nullable: true }) subscription!: WebhookSubscription | null;
  @Field(() => [UserError]) errors!: UserError[];
}

@ObjectType({ description: 'The answer to a test delivery.' })
class WebhookTestResult {
  @Field(() => WebhookAttempt) attempt!: WebhookAttempt;
  @Field({ description: 'True when the receiver answered 2xx.' }) ok!: boolean;
}

function urlProblem(url: string): UserError | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > 2000)
    return UserError.of(['url'], UserErrorCode.INVALID, 'Give an http:// or https:// URL of at most 2000 characters.');
  return null;
}

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  private async exec<T = Row>(ctx: Context, sql: string, params: unknown[]): Promise<T[]> {
    const rows: unknown = await ctx.em.getConnection().execute(sql, ctx.db.kind === 'sqlite' ? sqliteParams(params) : params);
    return rows as T[];
  }

  private async find(ctx: Context, id: string): Promise<Row | null> {
    const key = keyOf(id, 'WebhookSubscription');
    if (key === null) return null;
    const [row] = await this.exec(ctx, 'SELECT * FROM webhook_subscription WHERE id = ?', [key]);
    return row ?? null;
  }

  @Requires(Scope.ADMIN)
  @Query(() => [WebhookSubscription], { description: 'Every webhook subscription, oldest first. Administrators only.' })
  async webhookSubscriptions(@Ctx() ctx: Context): Promise<WebhookSubscription[]> {
    return (await this.exec(ctx, 'SELECT * FROM webhook_subscription ORDER BY id', [])).map(subscriptionOf);
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => CreateWebhookPayload, { description: 'Subscribes a URL to membership events; the signing secret is in the payload, once. Administrators only.' })
  async createWebhookSubscription(@Arg('input', () => WebhookSubscriptionInput) input: WebhookSubscriptionInput, @Ctx() ctx: Context): Promise<CreateWebhookPayload> {
    const problems = [urlProblem(input.url)].filter((p): p is UserError => p !== null);
    const segmentKey = input.segmentId ? keyOf(input.segmentId, 'Segment') : null;
    if (input.segmentId && (segmentKey === null || !(await this.exec(ctx, 'SELECT id FROM segment WHERE id = ?', [segmentKey])).length)) {
      problems.push(UserError.of(['segmentId'], UserErrorCode.NOT_FOUND, 'No segment has this id.'));
    }
    if (!input.events.length) problems.push(UserError.of(['events'], UserErrorCode.REQUIRED, 'Choose ENTERED, LEFT or both.'));
    if (problems.length) return { subscription: null, secret: null, errors: problems };
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.exec(
      ctx,
      'INSERT INTO webhook_subscription (url, segment_id, events, secret, active, disabled_reason, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, NULL, ?, ?) RETURNING *',
      [input.url, segmentKey, [...new Set(input.events)].sort().join(','), secret, true, new Date(), actingUserKey(ctx)],
    );
    return { subscription: subscriptionOf(row!), secret, errors: [] };
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => WebhookPayload, { description: 'Turns a subscription on (clearing why it was disabled) or off. Administrators only.' })
  async setWebhookSubscriptionActive(@Arg('id', () => ID) id: string, @Arg('active') active: boolean, @Ctx() ctx: Context): Promise<WebhookPayload> {
    const row = await this.find(ctx, id);
    if (!row) return { subscription: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, 'No webhook subscription has this id.')] };
    await this.exec(ctx, 'UPDATE webhook_subscription SET active = ?, disabled_reason = ? WHERE id = ?', [active, active ? null : 'Disabled by an administrator.', row.id]);
    return { subscription: subscriptionOf((await this.find(ctx, id))!), errors: [] };
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => DeletePayload, { description: 'Removes a subscription and its delivery log. Administrators only.' })
  async deleteWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const row = await this.find(ctx, id);
    if (!row) return { deletedId: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, 'No webhook subscription has this id.')] };
    await this.exec(ctx, 'DELETE FROM webhook_subscription WHERE id = ?', [row.id]);
    return { deletedId: id, errors: [] };
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => WebhookTestResult, {
    description: 'Sends a signed test event to the subscription’s URL now and answers what came back (not retried, not logged as a delivery). Administrators only.',
  })
  async testWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookTestResult> {
    const row = await this.find(ctx, id);
    if (!row) throw new UserErrors([UserError.of(['id'], UserErrorCode.NOT_FOUND, 'No webhook subscription has this id.')]);
    const body = JSON.stringify({ type: 'webhook.test', subscription: { id }, changes: [] });
    const attempt = await post(String(row.url), String(row.secret), body, { 'Segmenta-Delivery': 'test' }, ctx.config.webhooks.timeoutMs, new Date());
    return { attempt: { at: new Date(), ...attempt }, ok: attempt.error === null };
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Deliveries, newest first, with each attempt.' })
  async deliveries(@Root() subscription: WebhookSubscription, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const { size, cursor } = readPageArgs(page, ctx.config.maxPageSize);
    if (cursor && (cursor[0] !== 'delivery' || typeof cursor[1] !== 'number')) throw foreignCursor('after');
    const rows = await this.exec(ctx, `SELECT * FROM webhook_delivery WHERE subscription_id = ?${cursor ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ?`, [
      subscription.key,
      ...(cursor ? [cursor[1]] : []),
      size + 1,
    ]);
    const edges = rows.slice(0, size).map((row) => ({
      cursor: encodeCursor(['delivery', Number(row.id)]),
      node: Object.assign(new WebhookDelivery(), {
        key: Number(row.id),
        state: row.state as DeliveryState,
        attempts: Number(row.attempts),
        createdAt: instant(row.created_at)!,
        deliveredAt: instant(row.delivered_at),
        nextAttemptAt: row.state === DeliveryState.PENDING ? instant(row.next_attempt_at) : null,
        payload: String(row.payload),
      }),
    }));
    return toConnection(WebhookDeliveryConnection, {
      edges,
      pageInfo: pageInfoOf(edges, rows.length > size, cursor !== null),
      totalCount: async () => Number((await this.exec<{ n: number | string }>(ctx, 'SELECT COUNT(*) AS n FROM webhook_delivery WHERE subscription_id = ?', [subscription.key]))[0]?.n ?? 0),
    });
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, oldest first: status, latency, the start of the answer.' })
  async log(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookAttempt[]> {
    const rows = await ctx.db.read<Row>('SELECT at, status, latency_ms, error, response_excerpt FROM webhook_attempt WHERE delivery_id = ? ORDER BY id', [delivery.key]);
    return rows.map((r) => ({
      at: instant(r.at)!,
      status: r.status == null ? null : Number(r.status),
      latencyMs: Number(r.latency_ms),
      error: (r.error as string | null) ?? null,
      responseExcerpt: (r.response_excerpt as string | null) ?? null,
    }));
  }
}
