import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { MembershipMaintainer } from '../../segments/maintainer';
import { WebhookDeliverer } from '../deliverer';
import { SIGNATURE_HEADER, verifySignature } from '../signature';

/** A receiver on loopback that answers as `answer` says, and keeps what it got. */
async function receiver(answer: (n: number) => { status: number; body?: string } | 'hang') {
  const got: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      const reply = answer(got.length);
      if (reply === 'hang') return; // never answers: the sender's timeout ends it
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Webhooks end to end against real HTTP receivers on loopback: signed batches of who entered and
 * left, retries with backoff through failures and timeouts until the receiver recovers, the log
 * of every attempt, disabling after the retry window, deliveries surviving a restart (they are
 * rows), the test button, and the secret shown once.
 */
describe.each(engines)('webhooks on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { webhooks: { timeoutMs: 300, retryHours: 24, idleMs: 50 } });
  });
  afterAll(async () => api?.close());

  const SUBSCRIBE = `mutation($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id url events active } secret errors { code message } } }`;
  const DELIVERIES = `{ webhookSubscriptions { id active disabledReason deliveries(first: 10) { edges { node { state attempts payload log { status error latencyMs responseExcerpt } } } } } }`;
  const contact = (city: string) => api.exec(`mutation($input: ContactInput!) { createContact(input: $input) { contact { id } } }`, { input: { firstName: 'A', city } });

  it('delivers signed batches, retries through failures and timeouts, and logs each attempt', async () => {
    // Fails twice (500, then no answer), then recovers.
    const hook = await receiver((n) => (n === 1 ? { status: 500, body: 'down for maintenance' } : n === 2 ? 'hang' : { status: 204 }));
    try {
      const segment = (
        await api.exec(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } } }`, {
          input: { name: 'Toruń', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Toruń' } } }] } },
        })
      ).createSegment.segment.id as string;
      const created = (await api.exec(SUBSCRIBE, { input: { url: hook.url, segmentId: segment, events: ['ENTERED'] } })).createWebhookSubscription;
      expect(created.errors).toEqual([]);
      expect(created.secret).toMatch(/^whsec_/);
      const secret = created.secret as string;
      // The secret is shown once: nothing else returns it.
      expect(JSON.stringify(await api.exec(`{ webhookSubscriptions { id url } }`))).not.toContain(secret);

      let now = new Date();
      const clock = () => now;
      const maintainer = new MembershipMaintainer(api.db, api.config, clock);
      await maintainer.runOnce(); // the first build records no events: nothing to deliver
      await contact('Toruń');
      await contact('Toruń');
      await maintainer.runOnce();
      const deliverer = new WebhookDeliverer(api.db, api.config, clock);

      expect(await deliverer.runOnce()).toBe(1); // 500
      expect(await deliverer.runOnce()).toBe(0); // not due yet: backing off
      now = new Date(now.getTime() + 2 * 60 * 1000);
      expect(await deliverer.runOnce()).toBe(1); // no answer within 300 ms
      // A new deliverer (a restarted API) finds the delivery in the table.
      now = new Date(now.getTime() + 10 * 60 * 1000);
      expect(await new WebhookDeliverer(api.db, api.config, clock).runOnce()).toBe(1); // 204

      expect(hook.got).toHaveLength(3);
      const last = hook.got[2]!;
      expect(verifySignature(secret, String(last.headers[SIGNATURE_HEADER.toLowerCase()]), last.body, Math.floor(now.getTime() / 1000))).toBe(true);
      expect(verifySignature('whsec_wrong', String(last.headers[SIGNATURE_HEADER.toLowerCase()]), last.body, Math.floor(now.getTime() / 1000))).toBe(false);
      const payload = JSON.parse(last.body) as { type: string; segment: { id: string; name: string }; changes: Array<{ kind: string; reason: string; memberType: string }> };
      expect(payload).toMatchObject({ type: 'segment.membership.changed', segment: { id: segment, name: 'Toruń' } });
      expect(payload.changes.map((c) => [c.kind, c.reason, c.memberType])).toEqual([
        ['ENTERED', 'RECORD_CHANGE', 'CONTACT'],
        ['ENTERED', 'RECORD_CHANGE', 'CONTACT'],
      ]);
      const [subscription] = (await api.exec(DELIVERIES)).webhookSubscriptions;
      const delivery = subscription.deliveries.edges[0].node;
      expect(delivery).toMatchObject({ state: 'DELIVERED', attempts: 3 });
      expect(delivery.log.map((a: { status: number | null }) => a.status)).toEqual([500, null, 204]);
      expect(delivery.log[0].responseExcerpt).toBe('down for maintenance');
      expect(delivery.log[1].error).toMatch(/no answer within 300 ms/);

      // LEFT events are not subscribed: a contact leaving sends nothing.
      await api.exec(`mutation { deleteContact(id: "${(await api.exec(`{ contacts(first: 1) { edges { node { id } } } }`)).contacts.edges[0].node.id}") { errors { message } } }`);
      await maintainer.runOnce();
      expect(await deliverer.runOnce()).toBe(0);
    } finally {
      await hook.close();
    }
  }, 60_000);

  it('disables a subscription whose delivery keeps failing, saying why; the test button answers', async () => {
    const hook = await receiver(() => ({ status: 503, body: 'nope' }));
    try {
      const created = (await api.exec(SUBSCRIBE, { input: { url: hook.url } })).createWebhookSubscription;
      const id = created.subscription.id as string;
      const test = (await api.exec(`mutation($id: ID!) { testWebhookSubscription(id: $id) { ok attempt { status responseExcerpt } } }`, { id })).testWebhookSubscription;
      expect(test).toEqual({ ok: false, attempt: { status: 503, responseExcerpt: 'nope' } });

      let now = new Date();
      const clock = () => now;
      const maintainer = new MembershipMaintainer(api.db, api.config, clock);
      await maintainer.runOnce();
      await contact('Toruń');
      await maintainer.runOnce();
      const deliverer = new WebhookDeliverer(api.db, api.config, clock);
      let attempts = 0;
      // A day of retries (each due after its backoff), then the subscription is disabled.
      for (let hour = 0; hour <= 25; hour++) {
        attempts += await deliverer.runOnce();
        now = new Date(now.getTime() + 60 * 60 * 1000);
      }
      expect(attempts).toBeGreaterThan(3);
      const subscription = (await api.exec(DELIVERIES)).webhookSubscriptions.find((s: { id: string }) => s.id === id);
      expect(subscription.active).toBe(false);
      expect(subscription.disabledReason).toMatch(/failed for 24 hours .*HTTP 503/);
      expect(subscription.deliveries.edges[0].node.state).toBe('FAILED');
      // Turned on again by an administrator: the reason goes.
      const again = (await api.exec(`mutation($id: ID!) { setWebhookSubscriptionActive(id: $id, active: true) { subscription { active disabledReason } } }`, { id })).setWebhookSubscriptionActive;
      expect(again.subscription).toEqual({ active: true, disabledReason: null });
    } finally {
      await hook.close();
    }
  }, 60_000);

  it('refuses bad input, typed', async () => {
    const bad = (await api.exec(SUBSCRIBE, { input: { url: 'ftp://example.com/x', segmentId: 'U2VnbWVudDo5OTk5', events: [] } })).createWebhookSubscription;
    expect(bad.errors.map((e: { code: string }) => e.code).sort()).toEqual(['INVALID', 'NOT_FOUND', 'REQUIRED']);
    const unknown = await api.execRaw(`mutation { testWebhookSubscription(id: "V2ViaG9va1N1YnNjcmlwdGlvbjo5OTk=") { ok } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ code: 'NOT_FOUND' }] });
  });
});
