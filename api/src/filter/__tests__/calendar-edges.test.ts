import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

const one = (field: string, operator: string, value?: unknown) => ({ rules: [{ rule: { field, operator, value } }] });

/**
 * Dates at the edges of the calendar (found by the attack tests): ON 9999-12-31 needs the day
 * after it, WITHIN_LAST 10000 YEAR reaches back to 7974 BC, an age of 1e308 is no year at all.
 * PostgreSQL refused those bounds ("time zone displacement out of range": an internal error) and
 * SQLite compared '+010000-01-01' as text (AFTER 9999-12-31 matched everyone). Now such a bound is
 * dropped or matches nobody, alike on both engines.
 */
describe.each(engines)('calendar edges on %s', (engine) => {
  let api: TestApi;
  const count = async (filter: unknown, timeZone?: string) => {
    const result = await api.execRaw(`query($f: FilterGroupInput, $tz: String) { contacts(filter: $f, timeZone: $tz) { totalCount } }`, { f: filter, tz: timeZone });
    expect(result.errors).toBeUndefined();
    return result.data.contacts.totalCount as number;
  };

  beforeAll(async () => {
    api = await startTestApi(engine);
    await api.exec(`mutation {
      upsertContacts(rows: [
        { externalId: "a", lastName: "Old", birthdate: "0001-01-01", createdAt: "2020-05-05T10:00:00Z" },
        { externalId: "b", lastName: "Late", birthdate: "9999-12-31", createdAt: "2024-01-01T00:00:00Z" },
        { externalId: "c", lastName: "Now", birthdate: "1990-06-15" },
        { externalId: "d", lastName: "Unknown" }
      ]) { created }
    }`);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('days past 9999-12-31 and before year 1 as bounds of dates and instants', async () => {
    expect(await count(one('contact.birthdate', 'ON', { date: '9999-12-31' }))).toBe(1);
    expect(await count(one('contact.birthdate', 'AFTER', { date: '9999-12-31' }))).toBe(0);
    expect(await count(one('contact.birthdate', 'BEFORE', { date: '0001-01-01' }))).toBe(0);
    expect(await count(one('contact.birthdate', 'ON', { date: '0001-01-01' }))).toBe(1);
    expect(await count(one('contact.birthdate', 'BETWEEN', { dateRange: { from: '0001-01-01', to: '9999-12-31' } }))).toBe(3);
    expect(await count(one('client.createdAt', 'ON', { date: '9999-12-31' }))).toBe(0);
    expect(await count(one('client.createdAt', 'AFTER', { date: '9999-12-31' }))).toBe(0);
    expect(await count(one('client.createdAt', 'BETWEEN', { dateRange: { from: '0001-01-01', to: '9999-12-31' } }))).toBe(4);
    // 0001-01-01 starts in Kiritimati (UTC+14) before year 1 in UTC.
    expect(await count(one('client.createdAt', 'AFTER', { date: '0001-01-01' }), 'Pacific/Kiritimati')).toBe(4);
  });

  it('relative dates 10,000 years back', async () => {
    expect(await count(one('client.createdAt', 'WITHIN_LAST', { relative: { amount: 10000, unit: 'YEAR' } }))).toBe(4);
    expect(await count(one('client.createdAt', 'MORE_THAN_AGO', { relative: { amount: 10000, unit: 'YEAR' } }))).toBe(0);
    expect(await count(one('contact.birthdate', 'WITHIN_LAST', { relative: { amount: 10000, unit: 'YEAR' } }))).toBe(2);
    expect(await count(one('contact.birthdate', 'MORE_THAN_AGO', { relative: { amount: 10000, unit: 'YEAR' } }))).toBe(0);
  });

  it('ages no calendar holds', async () => {
    const age = (operator: string, value: unknown) => count(one('contact.age', operator, value));
    expect(await age('LT', { number: 1e308 })).toBe(3);
    expect(await age('GT', { number: 1e308 })).toBe(0);
    expect(await age('NEQ', { number: 1e308 })).toBe(3);
    // A lower age bound counts from 0 (a birthdate in the future is no age yet), as for any age.
    expect(await age('GT', { number: -1e308 })).toBe(2);
    expect(await age('BETWEEN', { numberRange: { min: -1e308, max: 1e308 } })).toBe(2);
    expect(await age('NOT_BETWEEN', { numberRange: { min: -1e308, max: 1e308 } })).toBe(1);
  });
});
