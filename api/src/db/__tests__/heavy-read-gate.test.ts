import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HeavyReadGate } from '../heavy-read-gate';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;

describe('admission of heavy reads', () => {
  it('lets one credential run at most its cap, kept below the capacity, and admits others meanwhile', async () => {
    const gate = new HeavyReadGate({ capacity: () => 3, perCredential: 5, queueMs: 1000 });
    expect(gate.perCredentialCap()).toBe(2);
    const a1 = await gate.enter('user:1');
    await gate.enter('user:1');
    let third = false;
    const a3 = gate.enter('user:1').then((release) => ((third = true), release));
    // Another user passes the waiting one: a credential at its cap does not hold up others.
    const b1 = await gate.enter('user:2');
    await settle();
    expect(third).toBe(false);
    expect(gate.active).toBe(3);
    b1();
    await settle();
    expect(third).toBe(false); // a place in all, but user:1 is still at its cap
    a1();
    (await a3)();
    expect(third).toBe(true);
  });

  it('answers SERVER_BUSY with retryAfterSeconds after the bounded wait, or QUERY_TIMEOUT when the time limit comes first', async () => {
    const gate = new HeavyReadGate({ capacity: () => 1, perCredential: 2, queueMs: 100 });
    const held = await gate.enter('user:1');
    const started = performance.now();
    const busy = await gate.enter('user:2').catch((error) => error);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(codeOf(busy)).toBe('SERVER_BUSY');
    expect((busy as GraphQLError).extensions.retryAfterSeconds).toBe(1);
    const timedOut = await gate.enter('user:2', { deadline: performance.now() + 30, timeoutMs: 30 }).catch((error) => error);
    expect([codeOf(timedOut), (timedOut as GraphQLError).extensions.timeoutMs]).toEqual(['QUERY_TIMEOUT', 30]);
    held();
    // Nothing waits any more and nothing is held: the next one enters at once.
    (await gate.enter('user:2'))();
    expect(gate.active).toBe(0);
  });

  it('follows a shrinking and growing capacity (SQLite readers withheld while abandoned statements run)', async () => {
    let capacity = 0;
    const gate = new HeavyReadGate({ capacity: () => capacity, perCredential: 2, queueMs: 1000 });
    let admitted = false;
    const waiting = gate.enter(null).then((release) => ((admitted = true), release));
    await settle();
    expect(admitted).toBe(false);
    capacity = 1;
    gate.pump();
    (await waiting)();
    expect(admitted).toBe(true);
  });
});
