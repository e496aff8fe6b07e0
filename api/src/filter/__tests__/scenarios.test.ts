import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

const rule = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value } });
const and = (...rules: unknown[]) => ({ combinator: 'AND', rules });
const or = (...rules: unknown[]) => ({ combinator: 'OR', rules });

/**
 * The scenarios of the source articles, end to end through the GraphQL lists: the gym renewal
 * example (contacts, one pipeline, won stage, a custom deal field in a set), clients without deals,
 * "with won deals", products found in paid orders, communications, Unicode text and NOT.
 */
describe.each(engines)('segment scenarios on %s', (engine) => {
  let api: TestApi;
  let gym: { id: string; stages: Array<{ id: string; code: string }> };
  const names = async (query: string, filter: unknown, extra: Record<string, unknown> = {}) => {
    const nameField = query === 'contacts' ? 'lastName' : 'title';
    const data = await api.exec(`query($filter: FilterGroupInput, $timeZone: String) { ${query}(first: 100, filter: $filter, timeZone: $timeZone) { totalCount edges { node { ${nameField} } } } }`, {
      filter,
      ...extra,
    });
    const list = data[query];
    const result = list.edges.map((e: any) => e.node[nameField]).sort();
    expect(list.totalCount).toBe(result.length);
    return result;
  };

  beforeAll(async () => {
    api = await startTestApi(engine);
    const created = await api.exec(`mutation {
      createPipeline(input: { name: "Gym memberships", stages: [{ code: "TRIAL", name: "Trial" }, { code: "ACTIVE", name: "Member", semantic: WON }, { code: "CHURNED", name: "Churned", semantic: LOST }] }) { pipeline { id stages { id code } } }
      createCustomField(input: { entity: DEAL, code: "UF_MEMBERSHIP_TYPE", label: "Membership type", type: LIST, options: [{ code: "MONTHLY", label: "Monthly" }, { code: "ANNUAL", label: "Annual" }, { code: "VIP", label: "VIP" }] }) { errors { code } }
      upsertProducts(rows: [{ externalId: "p-karnet", name: "Karnet" }, { externalId: "p-woda", name: "Woda" }]) { created }
      upsertCompanies(rows: [{ externalId: "co-1", title: "Siłownia Łódź", city: "Łódź" }, { externalId: "co-2", title: "Idle Corp" }]) { created }
    }`);
    gym = created.createPipeline.pipeline;
    await api.exec(`mutation {
      upsertContacts(rows: [
        { externalId: "c-anna", lastName: "Nowak", city: "ŁÓDŹ", communications: [{ channel: EMAIL, value: "anna@example.com" }, { channel: PHONE, value: "+48601234567" }] },
        { externalId: "c-ivan", lastName: "Петров", city: "Москва", companyExternalId: "co-1", communications: [{ channel: EMAIL, value: "ivan@example.ru" }] },
        { externalId: "c-lan", lastName: "Nguyễn", communications: [{ channel: IM, valueType: ZALO, value: "lan" }] },
        { externalId: "c-joao", lastName: "Silva", city: "São Paulo" }
      ]) { created }
    }`);
    const stage = (code: string) => gym.stages.find((s) => s.code === code)!.id;
    await api.exec(
      `mutation($p: ID!, $active: ID!, $churned: ID!) {
      upsertDeals(rows: [
        { externalId: "d1", title: "Annual", contactExternalId: "c-anna", pipelineId: $p, stageId: $active, amount: 1200, customFields: [{ code: "UF_MEMBERSHIP_TYPE", options: ["ANNUAL"] }] },
        { externalId: "d2", title: "Monthly lost", contactExternalId: "c-ivan", pipelineId: $p, stageId: $churned, amount: 100, customFields: [{ code: "UF_MEMBERSHIP_TYPE", options: ["MONTHLY"] }] },
        { externalId: "d3", title: "Monthly won", contactExternalId: "c-ivan", pipelineId: $p, stageId: $active, amount: 90, customFields: [{ code: "UF_MEMBERSHIP_TYPE", options: ["MONTHLY"] }] },
        { externalId: "d4", title: "Company deal", companyExternalId: "co-1", stageCode: "WON", amount: 70000 },
        { externalId: "d5", title: "Anna second", contactExternalId: "c-anna", stageCode: "WON", amount: 50 }
      ]) { created failed results { errors { path code } } }
      upsertOrders(rows: [
        { externalId: "o1", contactExternalId: "c-lan", paid: true, productRows: [{ productExternalId: "p-karnet", price: 100 }] },
        { externalId: "o2", contactExternalId: "c-joao", paid: false, productRows: [{ productExternalId: "p-karnet", price: 100 }] }
      ]) { created }
      upsertLeads(rows: [
        { externalId: "l1", title: "Lead with mail", communications: [{ channel: EMAIL, value: "l1@example.com" }] },
        { externalId: "l2", title: "Repeat lead", contactExternalId: "c-anna", communications: [{ channel: EMAIL, value: "l2@example.com" }] },
        { externalId: "l3", title: "Junk lead", statusCode: "JUNK" }
      ]) { created }
    }`,
      { p: gym.id, active: stage('ACTIVE'), churned: stage('CHURNED') },
    );
  });
  afterAll(async () => api?.close());

  it('the gym renewal example: contacts, the gym pipeline, its won stage, membership type in a set', async () => {
    const filter = and(
      rule('client.type', 'IN', { strings: ['CONTACT'] }),
      rule('deal.pipeline', 'IN', { ids: [gym.id] }),
      rule('deal.stage', 'IN', { ids: [gym.stages.find((s) => s.code === 'ACTIVE')!.id] }),
      rule('custom.deal.UF_MEMBERSHIP_TYPE', 'IN', { strings: ['MONTHLY', 'VIP'] }),
    );
    // Ivan has a churned monthly deal and a won monthly one; Anna's won deal is annual.
    expect(await names('contacts', filter)).toEqual(['Петров']);
  });

  it('bare deal rules in an AND group are satisfied by the same deal', async () => {
    const filter = and(rule('deal.status', 'IN', { strings: ['WON'] }), rule('deal.amount', 'GTE', { number: 1000 }));
    expect(await names('contacts', filter)).toEqual(['Nowak']);
    expect(await names('companies', filter)).toEqual(['Siłownia Łódź']);
  });

  it('"with won deals", "without deals" and "at least 2 won deals"', async () => {
    expect(await names('contacts', and(rule('deal.status', 'IN', { strings: ['WON'] })))).toEqual(['Nowak', 'Петров']);
    expect(await names('contacts', { combinator: 'AND', rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'NONE', rules: [] } }] })).toEqual(['Nguyễn', 'Silva']);
    expect(await names('companies', { combinator: 'AND', rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'NONE', rules: [] } }] })).toEqual(['Idle Corp']);
    const atLeastTwoWon = {
      combinator: 'AND',
      rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'AT_LEAST', threshold: 2, rules: [rule('deal.status', 'IN', { strings: ['WON'] })] } }],
    };
    expect(await names('contacts', atLeastTwoWon)).toEqual(['Nowak']);
    const onlyWon = { combinator: 'AND', rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'ALL', rules: [rule('deal.status', 'IN', { strings: ['WON'] })] } }] };
    expect(await names('contacts', onlyWon)).toEqual(['Nowak']);
  });

  it('a product found in paid orders only', async () => {
    const { products } = await api.exec(`{ products(first: 5) { edges { node { id name } } } }`);
    const karnet = products.edges.find((e: any) => e.node.name === 'Karnet').node.id;
    const paid = and(rule('purchase.product', 'IN', { ids: [karnet] }), rule('purchase.where', 'IN', { strings: ['PAID_ORDER'] }));
    expect(await names('contacts', paid)).toEqual(['Nguyễn']);
    const anywhere = and(rule('purchase.product', 'IN', { ids: [karnet] }), rule('purchase.where', 'IN', { strings: ['ANYWHERE'] }));
    expect(await names('contacts', anywhere)).toEqual(['Nguyễn', 'Silva']);
  });

  it('communications: every chosen channel must be filled', async () => {
    expect(await names('contacts', and(rule('client.communications', 'HAS_ALL', { strings: ['EMAIL', 'PHONE'] })))).toEqual(['Nowak']);
    expect(await names('contacts', and(rule('client.communications', 'HAS_ANY', { strings: ['EMAIL', 'IM'] })))).toEqual(['Nguyễn', 'Nowak', 'Петров']);
    expect(await names('contacts', and(rule('client.communications', 'HAS_NONE', { strings: ['EMAIL', 'PHONE', 'IM'] })))).toEqual(['Silva']);
  });

  it('compares text case-insensitively with full Unicode folding, and NOT is the exact complement', async () => {
    expect(await names('contacts', and(rule('client.city', 'EQ', { string: 'łódź' })))).toEqual(['Nowak']);
    expect(await names('contacts', and(rule('client.city', 'CONTAINS', { string: 'МОСК' })))).toEqual(['Петров']);
    expect(await names('contacts', and(rule('client.city', 'NEQ', { string: 'łódź' })))).toEqual(['Silva', 'Петров']);
    expect(await names('contacts', { combinator: 'AND', not: true, rules: [rule('client.city', 'EQ', { string: 'łódź' })] })).toEqual(['Nguyễn', 'Silva', 'Петров']);
    expect(await names('contacts', and(rule('client.city', 'IS_EMPTY')))).toEqual(['Nguyễn']);
    // company.* on a contact reads the contact's company; no company = absent.
    expect(await names('contacts', and(rule('company.title', 'BEGINS_WITH', { string: 'SIŁOWNIA' })))).toEqual(['Петров']);
    expect(await names('contacts', and(rule('company.title', 'IS_EMPTY')))).toEqual(['Nguyễn', 'Nowak', 'Silva']);
  });

  it('an OR across the contact and its deals (a union of id sets)', async () => {
    const filter = or(rule('client.city', 'EQ', { string: 'São Paulo' }), rule('deal.amount', 'GT', { number: 1000 }));
    expect(await names('contacts', filter)).toEqual(['Nowak', 'Silva']);
  });

  it('leads: status semantics and repeat links', async () => {
    expect(await names('leads', and(rule('lead.statusSemantic', 'IN', { strings: ['JUNK'] })))).toEqual(['Junk lead']);
    expect(await names('leads', and(rule('lead.communications', 'HAS_ANY', { strings: ['EMAIL'] })))).toEqual(['Lead with mail', 'Repeat lead']);
  });

  it('relative dates count calendar days in the given time zone', async () => {
    const recent = and(rule('client.createdAt', 'WITHIN_LAST', { relative: { amount: 1, unit: 'DAY' } }));
    expect(await names('contacts', recent, { timeZone: 'Pacific/Kiritimati' })).toHaveLength(4);
    const bad = await api.execRaw(`query($f: FilterGroupInput) { contacts(filter: $f, timeZone: "Mars/Olympus") { totalCount } }`, { f: recent });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_FILTER', problems: [{ path: ['timeZone'], code: 'INVALID' }] });
  });

  it('lists every standard field and new custom fields at once, with labels in the locale', async () => {
    const before = await api.exec(`{ segmentFields(source: CLIENTS, locale: "pl") { id label valueType scope operators values { value label groupId } searchable } }`);
    const ids = before.segmentFields.map((f: any) => f.id);
    for (const id of [
      'client.type',
      'client.source',
      'client.responsible',
      'client.communications',
      'contact.age',
      'contact.birthdate',
      'company.industry',
      'deal.pipeline',
      'deal.stage',
      'deal.status',
      'deal.amount',
      'purchase.product',
      'purchase.where',
      'order.paid',
      'activity.type',
      'custom.deal.UF_MEMBERSHIP_TYPE',
    ]) {
      expect(ids).toContain(id);
    }
    const city = before.segmentFields.find((f: any) => f.id === 'client.city');
    expect(city).toMatchObject({ label: 'Miasto', valueType: 'STRING', scope: null });
    const stage = before.segmentFields.find((f: any) => f.id === 'deal.stage');
    expect(stage.scope).toBe('DEALS');
    expect(stage.values.filter((v: any) => v.groupId === gym.id).map((v: any) => v.label)).toEqual(['Trial', 'Member', 'Churned']);
    expect(before.segmentFields.find((f: any) => f.id === 'client.responsible')).toMatchObject({ searchable: true, values: null });
    await api.exec(`mutation { createCustomField(input: { entity: CONTACT, code: "UF_SHOE", label: "Shoe size", type: NUMBER }) { errors { code } } }`);
    const after = await api.exec(`{ segmentFields(source: CLIENTS) { id } leads: segmentFields(source: LEADS) { id } }`);
    expect(after.segmentFields.map((f: any) => f.id)).toContain('custom.contact.UF_SHOE');
    expect(after.leads.map((f: any) => f.id)).toContain('lead.status');
    expect(after.leads.map((f: any) => f.id)).not.toContain('deal.stage');
    const users = await api.exec(`{ filterValues(field: "client.responsible", search: "ADMIN") { totalCount edges { node { value label } } } }`);
    expect(users.filterValues.totalCount).toBe(1);
    expect(users.filterValues.edges.map((e: any) => e.node.label)).toEqual(['Administrator']);
    const first = await api.exec(`{ filterValues(field: "client.source", first: 2) { edges { node { value } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.filterValues.edges).toHaveLength(2);
    const next = await api.exec(`query($after: String) { filterValues(field: "client.source", first: 2, after: $after) { edges { node { value } } } }`, {
      after: first.filterValues.pageInfo.endCursor,
    });
    expect(next.filterValues.edges[0].node.value).not.toBe(first.filterValues.edges[1].node.value);
    const products = await api.exec(`{ filterValues(field: "purchase.product", search: "karn") { edges { node { label } } } }`);
    expect(products.filterValues.edges.map((e: any) => e.node.label)).toEqual(['Karnet']);
  });

  it('filters the deals list with the deal.* fields, unscoped', async () => {
    const filter = and(rule('deal.status', 'IN', { strings: ['WON'] }), rule('deal.amount', 'LT', { number: 1000 }), rule('custom.deal.UF_MEMBERSHIP_TYPE', 'IS_EMPTY'));
    expect(await names('deals', filter)).toEqual(['Anna second']);
    const stageAlone = await api.execRaw(`query($f: FilterGroupInput) { deals(filter: $f) { totalCount } }`, { f: and(rule('deal.stage', 'IN', { ids: [gym.stages[0]!.id] })) });
    expect(stageAlone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_FILTER', problems: [{ code: 'STAGE_WITHOUT_PIPELINE' }] });
    const clientField = await api.execRaw(`query($f: FilterGroupInput) { deals(filter: $f) { totalCount } }`, { f: and(rule('client.city', 'EQ', { string: 'x' })) });
    expect(clientField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_FILTER', problems: [{ code: 'SCOPE_MISMATCH' }] });
  });
});
