import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { csvCell, csvPhoneCell } from '../csv-cells';

/**
 * CSV injection (OWASP): a cell a spreadsheet would run as a formula is exported with a single
 * quote in front and quoted. Found by the red team: names starting with `=`, `+`, `-`, `@` were
 * exported unchanged.
 */
describe('CSV cells', () => {
  it('neutralises every cell that starts like a formula: =, +, -, @, tab, carriage return', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('@SUM(1+1)')).toBe(`"'@SUM(1+1)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('+1+cmd')).toBe(`"'+1+cmd"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('leaves ordinary cells as RFC 4180 has them', () => {
    expect(csvCell('Anna Nowak')).toBe('Anna Nowak');
    expect(csvCell('Kowalski, Jr.')).toBe('"Kowalski, Jr."');
    expect(csvCell('Nowy "Klient"')).toBe('"Nowy ""Klient"""');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(null)).toBe('');
  });

  it('keeps E.164 phones verbatim in the phone address column, and nothing else that starts with +', () => {
    expect(csvPhoneCell('+48601234567')).toBe('+48601234567');
    expect(csvPhoneCell('+1+2')).toBe(`"'+1+2"`);
    expect(csvPhoneCell('+48601234567+A1')).toBe(`"'+48601234567+A1"`);
    expect(csvPhoneCell('=1+2')).toBe(`"'=1+2"`);
    // A name column gets no such exception, even for the same text.
    expect(csvCell('+48601234567')).toBe(`"'+48601234567"`);
  });
});

describe.each(engines)('formula cells in the CSV export on %s', (engine) => {
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL' });
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
    const rows = [
      { externalId: 'f-1', firstName: '=HYPERLINK("http://evil","x")', email: 'a1@example.com', phone: '+48 601 234 561' },
      { externalId: 'f-2', firstName: '@SUM(1+1)', email: 'a2@example.com', phone: '+48 601 234 562' },
      { externalId: 'f-3', firstName: '-2+3', email: 'a3@example.com', phone: '+48 601 234 563' },
      { externalId: 'f-4', firstName: '\tcmd', email: 'a4@example.com', phone: '+48 601 234 564' },
      { externalId: 'f-5', firstName: 'Anna', lastName: 'Nowak', email: 'a5@example.com', phone: '+48 601 234 565' },
      // An e-mail local part may start with = or - (a valid address), and a handle too.
      { externalId: 'f-6', firstName: 'Ewa', email: '=cmd@example.com', phone: '+48 601 234 566' },
      { externalId: 'f-7', firstName: 'Olga', email: '-2+3@example.com', phone: '+48 601 234 567', im: '+1+cmd' },
    ];
    const upserted = await api.exec(`mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { failed } }`, {
      rows: rows.map(({ email, phone, im, ...row }) => ({
        ...row,
        city: 'Formulaville',
        communications: [{ channel: 'EMAIL', value: email }, { channel: 'PHONE', value: phone }, ...(im ? [{ channel: 'IM', value: im }] : [])],
      })),
    });
    expect(upserted.upsertContacts.failed).toBe(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });

  const exportOf = async (channel: 'EMAIL' | 'PHONE' | 'IM') => {
    const segment = (
      await api.exec(
        `mutation($c: Channel!) { createSegment(input: { name: "Formulas ${channel}", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Formulaville" } } }] } }) { segment { exportUrl(channel: $c) } errors { code message } } }`,
        { c: channel },
      )
    ).createSegment.segment;
    const response = await fetch(base + segment.exportUrl);
    expect(response.status).toBe(200);
    return (await response.text()).split('\r\n').slice(1, -1);
  };
  const storedName = async (externalId: string) =>
    (await api.exec(`{ contacts(first: 20) { edges { node { externalId firstName } } } }`)).contacts.edges.map((e: any) => e.node).find((c: any) => c.externalId === externalId).firstName as string;

  it('exports names that start like formulas with a quote in front, quoted; ordinary names untouched', async () => {
    const byAddress = Object.fromEntries((await exportOf('EMAIL')).map((line) => [line.slice(0, line.indexOf(',EMAIL,')), line]));
    expect(byAddress['a1@example.com']).toMatch(/^a1@example\.com,EMAIL,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",Contact,/);
    expect(byAddress['a2@example.com']).toMatch(/^a2@example\.com,EMAIL,"'@SUM\(1\+1\)",Contact,/);
    expect(byAddress['a3@example.com']).toMatch(/^a3@example\.com,EMAIL,"'-2\+3",Contact,/);
    // Names are stored trimmed, so the tab-led one arrives as "cmd" (the unit test above covers a
    // tab that would get through).
    expect(await storedName('f-4')).toBe('cmd');
    expect(byAddress['a4@example.com']).toMatch(/^a4@example\.com,EMAIL,cmd,Contact,[\w-]+$/);
    expect(byAddress['a5@example.com']).toMatch(/^a5@example\.com,EMAIL,Anna Nowak,Contact,[\w-]+$/);
    // Addresses are cells like any other.
    expect(byAddress[`"'=cmd@example.com"`]).toMatch(/^"'=cmd@example\.com",EMAIL,Ewa,Contact,/);
    expect(byAddress[`"'-2+3@example.com"`]).toMatch(/^"'-2\+3@example\.com",EMAIL,Olga,Contact,/);
    for (const line of Object.values(byAddress)) expect(line.split(',').every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });

  it('keeps E.164 phones verbatim in a phone export, and neutralises a handle that starts with +', async () => {
    const phones = await exportOf('PHONE');
    expect(phones.map((line) => line.split(',')[0])).toEqual(['+48601234561', '+48601234562', '+48601234563', '+48601234564', '+48601234565', '+48601234566', '+48601234567']);
    expect(phones[0]).toMatch(/^\+48601234561,PHONE,"'=HYPERLINK/);
    const handles = await exportOf('IM');
    expect(handles).toEqual([expect.stringMatching(/^"'\+1\+cmd",IM,Olga,Contact,/)]);
  });
});
