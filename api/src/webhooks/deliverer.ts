import { performance } from 'node:perf_hooks';
import type { Config } from '../config/config';
import type { Database } from '../db/orm';
import { sqliteParams } from '../db/sqlite-reader';
import { PollLoop } from '../lib/poll-loop';
import { signatureOf, SIGNATURE_HEADER } from './signature';
import { DeliveryState } from './webhook-store';

/** Deliveries sent per poll, at once. */
const PER_POLL = 20;
/** A claimed delivery is left to its process this long; past it (the process died) another may send it. */
const LEASE_MS = 2 * 60 * 1000;
/** Retries back off from 30 s, doubling, to at most an hour, each with ±50 % jitter. */
const FIRST_RETRY_MS = 30 * 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;
/** Stored of a receiver's answer, for the delivery log. */
const EXCERPT_CHARS = 500;

export interface AttemptResult {
  status: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

/** The wait before retry n (1-based): exponential, capped, with jitter so receivers coming back are not hit at once. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

/** One POST of a body, signed, bounded by `timeoutMs`; never throws. */
export async function post(url: string, secret: string, body: string, headers: Record<string, string>, timeoutMs: number, now: Date): Promise<AttemptResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Segmenta-Webhooks/1', [SIGNATURE_HEADER]: signatureOf(secret, Math.floor(now.getTime() / 1000), body), ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    return {
      status: response.status,
      latencyMs: Math.round(performance.now() - started),
      error: response.ok ? null : `HTTP ${response.status}`,
      responseExcerpt: text.slice(0, EXCERPT_CHARS) || null,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const message = timedOut ? `no answer within ${timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { status: null, latencyMs: Math.round(performance.now() - started), error: message, responseExcerpt: null };
  }
}

/**
 * Sends the queued webhook deliveries. They are rows (webhook_delivery), claimed with a lease so
 * several processes never send one twice at once and a process that dies mid-send leaves it to the
 * next; each attempt is logged. A failed delivery is retried with backoff for WEBHOOK_RETRY_HOURS,
 * then marked FAILED and its subscription disabled with the reason.
 */
export class WebhookDeliverer {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // A full poll means more may be due: the next starts at once.
    this.loop = new PollLoop('webhooks', async () => ({ more: (await this.runOnce()) === PER_POLL }), config.webhooks.idleMs);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends what is due now; returns how many deliveries were attempted. */
  async runOnce(): Promise<number> {
    const now = this.clock();
    const due = await this.exec<{
      id: number | string;
      payload: string;
      attempts: number | string;
      created_at: string | number | Date;
      next_attempt_at: string | number | Date;
      url: string;
      secret: string;
      subscription_id: number | string;
    }>(
      'SELECT d.id, d.payload, d.attempts, d.created_at, d.next_attempt_at, s.url, s.secret, s.id AS subscription_id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id ' +
        'WHERE d.state = ? AND s.active = ? AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?',
      [DeliveryState.PENDING, true, now, PER_POLL],
    );
    const claimed = [];
    for (const delivery of due) {
      // The claim: moving next_attempt_at from the value read. Another process that read the same
      // row finds it moved and leaves it.
      const moved = await this.exec<{ id: number | string }>('UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? RETURNING id', [
        new Date(now.getTime() + LEASE_MS),
        delivery.id,
        new Date(delivery.next_attempt_at),
      ]);
      if (moved.length) claimed.push(delivery);
    }
    await Promise.all(
      claimed.map(async (delivery) => {
        const attempt = Number(delivery.attempts) + 1;
        const result = await post(
          delivery.url,
          delivery.secret,
          delivery.payload,
          { 'Segmenta-Delivery': String(delivery.id), 'Segmenta-Attempt': String(attempt) },
          this.config.webhooks.timeoutMs,
          now,
        );
        await this.record(delivery, attempt, result, now);
      }),
    );
    return claimed.length;
  }

  private async record(delivery: { id: number | string; created_at: string | number | Date; subscription_id: number | string }, attempt: number, result: AttemptResult, now: Date): Promise<void> {
    await this.exec('INSERT INTO webhook_attempt (delivery_id, at, status, latency_ms, error, response_excerpt) VALUES (?, ?, ?, ?, ?, ?)', [
      delivery.id,
      now,
      result.status,
      result.latencyMs,
      result.error,
      result.responseExcerpt,
    ]);
    if (result.error === null) {
      await this.exec('UPDATE webhook_delivery SET state = ?, attempts = ?, delivered_at = ? WHERE id = ?', [DeliveryState.DELIVERED, attempt, now, delivery.id]);
      return;
    }
    const givingUp = now.getTime() - new Date(delivery.created_at).getTime() >= this.config.webhooks.retryHours * 3600 * 1000;
    if (!givingUp) {
      await this.exec('UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ? WHERE id = ?', [attempt, new Date(now.getTime() + retryDelayMs(attempt)), delivery.id]);
      return;
    }
    await this.exec('UPDATE webhook_delivery SET state = ?, attempts = ? WHERE id = ?', [DeliveryState.FAILED, attempt, delivery.id]);
    await this.exec('UPDATE webhook_subscription SET active = ?, disabled_reason = ? WHERE id = ?', [
      false,
      `Disabled ${now.toISOString()}: a delivery failed for ${this.config.webhooks.retryHours} hours (${attempt} attempts; the last: ${result.error}).`,
      delivery.subscription_id,
    ]);
  }

  private async exec<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.db.orm.em.getConnection().execute(sql, this.db.kind === 'sqlite' ? sqliteParams(params) : params)) as T[];
  }
}
