import { toGlobalId } from '../common/global-id';

/** What the maintainer hands over in its transaction: statements bound to it. */
export interface WebhookTx {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export enum DeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Retried for WEBHOOK_RETRY_HOURS without success; its subscription was disabled. */
  FAILED = 'FAILED',
}

/** Changes per delivery: a receiver gets batches it can take in one request. */
const CHANGES_PER_DELIVERY = 500;
const GLOBAL_TYPE: Record<string, string> = { company: 'Company', contact: 'Contact', lead: 'Lead' };

/**
 * Queues the deliveries of the membership events written in the caller's transaction (those
 * with an id above `afterEventId`): one per subscription and segment, in batches of 500 changes,
 * due at once. In the same transaction as the events, so an event is delivered if and only if it
 * happened.
 */
export async function enqueueDeliveries(tx: WebhookTx, afterEventId: number, at: Date): Promise<void> {
  const subscriptions = await tx.all<{ id: number | string; segment_id: number | string | null; events: string }>('SELECT id, segment_id, events FROM webhook_subscription WHERE active = ?', [true]);
  if (!subscriptions.length) return;
  const events = await tx.all<{ segment_id: number | string; member_type: string; member_key: number | string; kind: string; reason: string; at: string | number | Date }>(
    'SELECT segment_id, member_type, member_key, kind, reason, at FROM segment_membership_event WHERE id > ? ORDER BY id',
    [afterEventId],
  );
  if (!events.length) return;
  const segmentKeys = [...new Set(events.map((e) => Number(e.segment_id)))];
  const names = new Map(
    (await tx.all<{ id: number | string; name: string }>(`SELECT id, name FROM segment WHERE id IN (${segmentKeys.map(() => '?').join(', ')})`, segmentKeys)).map((r) => [Number(r.id), r.name]),
  );
  for (const subscription of subscriptions) {
    const kinds = new Set(subscription.events.split(','));
    for (const segmentKey of segmentKeys) {
      if (subscription.segment_id !== null && Number(subscription.segment_id) !== segmentKey) continue;
      const changes = events
        .filter((e) => Number(e.segment_id) === segmentKey && kinds.has(e.kind))
        .map((e) => ({
          kind: e.kind,
          reason: e.reason,
          at: new Date(e.at).toISOString(),
          memberType: e.member_type.toUpperCase(),
          memberId: toGlobalId(GLOBAL_TYPE[e.member_type] ?? e.member_type, Number(e.member_key)),
        }));
      for (let i = 0; i < changes.length; i += CHANGES_PER_DELIVERY) {
        const payload = {
          type: 'segment.membership.changed',
          segment: { id: toGlobalId('Segment', segmentKey), name: names.get(segmentKey) ?? null },
          changes: changes.slice(i, i + CHANGES_PER_DELIVERY),
        };
        await tx.run('INSERT INTO webhook_delivery (subscription_id, payload, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 0, ?, ?)', [
          subscription.id,
          JSON.stringify(payload),
          DeliveryState.PENDING,
          at,
          at,
        ]);
      }
    }
  }
}

/** The highest membership event id so far (deliveries are queued for those above it). */
export async function lastEventId(tx: WebhookTx): Promise<number> {
  const [row] = await tx.all<{ id: number | string | null }>('SELECT MAX(id) AS id FROM segment_membership_event');
  return Number(row?.id ?? 0);
}
