import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { SlotWaitTimeout, WaitingSlots } from '../../db/waiting-slots';
import { ExportAdmission } from '../export-admission';

/** The bookkeeping behind the export caps and the export pool's bounded wait (no database needed). */
describe('export admission', () => {
  it('admits up to the cap per credential, then up to the cap per process, and frees a place once per release', () => {
    const admission = new ExportAdmission({ maxConcurrent: 3, maxPerCredential: 2 });
    const a1 = admission.admit('user:1');
    const a2 = admission.admit('user:1');
    expect([a1.admitted, a2.admitted]).toEqual([true, true]);
    expect(admission.admit('user:1')).toEqual({ admitted: false, limit: 'credential' });
    const b1 = admission.admit('token:7');
    expect(b1.admitted).toBe(true);
    expect(admission.admit('user:2')).toEqual({ admitted: false, limit: 'process' });
    expect(admission.active).toBe(3);
    if (!a1.admitted) throw new Error('unreachable');
    a1.release();
    a1.release(); // a second release (an error path after a finally) frees nothing more
    expect(admission.active).toBe(2);
    expect(admission.admit('user:1').admitted).toBe(true);
    expect(admission.admit('user:2')).toEqual({ admitted: false, limit: 'process' });
  });

  it('reads its defaults and settings from the environment, and refuses nonsense at start-up', () => {
    expect(loadConfig({}).exportLimits).toEqual({ poolSize: 3, maxConcurrent: 4, maxPerCredential: 2, idleTimeoutMs: 30_000 });
    expect(loadConfig({ EXPORT_POOL_SIZE: '5', EXPORT_MAX_CONCURRENT: '8', EXPORT_MAX_PER_CREDENTIAL: '1', EXPORT_IDLE_TIMEOUT_MS: '1000' }).exportLimits).toEqual({
      poolSize: 5,
      maxConcurrent: 8,
      maxPerCredential: 1,
      idleTimeoutMs: 1000,
    });
    expect(() => loadConfig({ EXPORT_POOL_SIZE: '0' })).toThrow(/EXPORT_POOL_SIZE must be a whole number of at least 1/);
    expect(() => loadConfig({ EXPORT_MAX_CONCURRENT: '2.5' })).toThrow(/EXPORT_MAX_CONCURRENT/);
    expect(() => loadConfig({ EXPORT_IDLE_TIMEOUT_MS: '10' })).toThrow(/EXPORT_IDLE_TIMEOUT_MS must be a whole number of at least 100/);
  });
});

describe('waiting slots', () => {
  it('hands a freed slot to the first waiter, in arrival order', async () => {
    const slots = new WaitingSlots(1);
    const first = await slots.acquire(1000);
    const order: string[] = [];
    const second = slots.acquire(1000).then((release) => (order.push('second'), release));
    const third = slots.acquire(1000).then((release) => (order.push('third'), release));
    expect(slots.waiting).toBe(2);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(slots.inUse).toBe(0);
  });

  it('gives up after the wait, and when the caller goes away, without taking a slot', async () => {
    const slots = new WaitingSlots(1);
    const held = await slots.acquire(1000);
    await expect(slots.acquire(30)).rejects.toBeInstanceOf(SlotWaitTimeout);
    const gone = new AbortController();
    const waiting = slots.acquire(10_000, gone.signal);
    gone.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(slots.waiting).toBe(0);
    held();
    expect(slots.inUse).toBe(0);
    (await slots.acquire(10))();
  });
});
