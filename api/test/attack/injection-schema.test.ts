import 'reflect-metadata';
import { getNamedType, isEnumType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { itemAt } from '../../src/lib/indexed';
import { getSchema } from '../../src/schema';
import { engines } from '../databases';
import { count, note, expectKept, expectTyped, report, RUN_FACTOR, snapshot, tableNames, TEST_TIMEOUT, startAttackApi, watchServerLog, type AttackApi, type Snapshot } from './harness';
import { INJECTIONS } from './payloads';
import { argumentsWith, operationFor, rootFields, textLeaves, type Path } from './schema-walk';

vi.setConfig({ testTimeout: TEST_TIMEOUT * 2 });

/**
 * SQL-injection strings in every text value of every operation, generated from the schema: each
 * String or ID argument, at any depth of the inputs (record fields, segment names and tags,
 * searches, codes, global ids, cursors, import lines…), receives payloads while the other
 * arguments hold minimal valid values. Each answer is data or a typed error; what a create or
 * update stored reads back as sent (trimmed); cursors of every connection and every sort order get
 * forged values; and at the end every table is still there with every row it had.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Forged global ids: payloads inside the Type:key form, keys out of every range, wrong types. */
const FORGED_IDS = [
  b64("Contact:1' OR '1'='1"),
  b64('Contact:1; DROP TABLE app_user'),
  b64('Segment:1 UNION SELECT 1'),
  b64('Contact:999999999999999'),
  b64('Contact:2147483648'),
  b64('Contact:0'),
  b64('Contact:-1'),
  b64('Nope:1'),
  b64('Contact:'),
  b64(':1'),
  b64('Contact:1:2'),
  b64('Contact:0x10'),
  `${b64('Contact:999999')}=`,
  '%',
];

/** Forged cursors: payloads as the sort value, values of the wrong type, keys out of range, broken JSON. */
const FORGED_CURSORS = [
  ...INJECTIONS.slice(0, 12).map((p) => b64(JSON.stringify([p, 1]))),
  b64('[1e308,1]'),
  b64('[-1e308,1]'),
  b64('["x",1]'),
  b64('[null,1]'),
  b64('[true,1]'),
  b64('[false,2147483647]'),
  b64('[2147483648,1]'),
  b64('[1,2147483648]'),
  b64('[1,9007199254740991]'),
  b64('[1,-1]'),
  b64('["2024-01-01",1]'),
  b64('[8640000000000001,1]'),
  b64('[-8640000000000001,1]'),
  b64('[1.5,1]'),
  b64('[[],1]'),
  b64('[{},1]'),
  b64('[1]'),
  b64('[1,2,3]'),
  b64('"x"'),
  b64('{"a":1}'),
  b64('['),
  '!!!',
  '',
];

interface Own {
  ids: Record<string, string>;
  stageIds: string[];
  optionId: string;
  version: () => Promise<number>;
}

/** Records of our own for the operations to work on (created after the first snapshot). */
async function createOwn(api: AttackApi): Promise<Own> {
  const one = async (query: string, pick: (data: any) => string) => {
    const data = await api.exec(query);
    const id = (() => {
      try {
        return pick(data);
      } catch {
        return null;
      }
    })();
    if (!id) throw new Error(`could not create ${query}: ${JSON.stringify(data)}`);
    return id;
  };
  const ids: Record<string, string> = {};
  ids.Contact = await one(`mutation { createContact(input: { lastName: "Own", externalId: "own-contact" }) { contact { id } } }`, (d) => d.createContact.contact.id);
  ids.Company = await one(`mutation { createCompany(input: { title: "Own", externalId: "own-company" }) { company { id } } }`, (d) => d.createCompany.company.id);
  ids.Deal = await one(`mutation { createDeal(input: { title: "Own", externalId: "own-deal" }) { deal { id } } }`, (d) => d.createDeal.deal.id);
  ids.Lead = await one(`mutation { createLead(input: { title: "Own", externalId: "own-lead" }) { lead { id } } }`, (d) => d.createLead.lead.id);
  ids.Product = await one(`mutation { createProduct(input: { name: "Own", externalId: "own-product" }) { product { id } } }`, (d) => d.createProduct.product.id);
  ids.Order = await one(`mutation { createOrder(input: { externalId: "own-order", contactExternalId: "own-contact" }) { order { id } errors { code message } } }`, (d) => d.createOrder.order.id);
  ids.Activity = await one(
    `mutation { createActivity(input: { type: CALL, subject: "Own", externalId: "own-activity", contactExternalId: "own-contact" }) { activity { id } } }`,
    (d) => d.createActivity.activity.id,
  );
  ids.User = await one(`mutation { createUser(input: { name: "Own" }) { user { id } } }`, (d) => d.createUser.user.id);
  const pipeline = (
    await api.exec(
      `mutation { createPipeline(input: { name: "Own", stages: [{ code: "A", name: "A", semantic: IN_PROGRESS }, { code: "B", name: "B", semantic: WON }, { code: "C", name: "C", semantic: LOST }] }) { pipeline { id stages { id } } } }`,
    )
  ).createPipeline.pipeline;
  ids.Pipeline = pipeline.id;
  ids.Stage = pipeline.stages[0].id;
  const field = (
    await api.exec(`mutation { createCustomField(input: { entity: CONTACT, code: "UF_OWN", label: "Own", type: LIST, options: [{ code: "A", label: "A" }] }) { field { id options { id } } } }`)
  ).createCustomField.field;
  ids.CustomField = field.id;
  ids.ReferenceItem = await one(`mutation { addReferenceItem(input: { list: SOURCE, code: "OWN", label: "Own" }) { item { id } } }`, (d) => d.addReferenceItem.item.id);
  ids.Segment = await one(
    `mutation { createSegment(input: { name: "Own dynamic", filter: { rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "x" } } }] } }) { segment { id } } }`,
    (d) => d.createSegment.segment.id,
  );
  ids.StaticSegment = await one(`mutation { createSegment(input: { name: "Own static", kind: STATIC }) { segment { id } } }`, (d) => d.createSegment.segment.id);
  ids.StopListEntry = await one(`mutation { addStopListEntry(input: { channel: EMAIL, address: "own@example.com", reason: UNSUBSCRIBED }) { entry { id } } }`, (d) => d.addStopListEntry.entry.id);
  const version = async () => (await api.exec(`query($id: ID!) { segment(id: $id) { version } }`, { id: ids.Segment })).segment.version as number;
  return { ids, stageIds: pipeline.stages.map((s: { id: string }) => s.id), optionId: field.options[0].id, version };
}

/** Which of our records a root field's `id` names (updateContact → Contact, importStaticSegment → the static segment). */
function ownTypeOf(fieldName: string): string | null {
  if (/StaticSegment|StaticSegmentImport/.test(fieldName)) return 'StaticSegment';
  if (/SegmentVersion|duplicateSegment|^segment$|Segment$/.test(fieldName)) return 'Segment';
  if (fieldName.includes('Stage')) return 'Stage';
  if (fieldName.includes('CustomField')) return 'CustomField';
  if (fieldName.includes('ReferenceItem')) return 'ReferenceItem';
  if (fieldName.includes('StopListEntry')) return 'StopListEntry';
  const word = /^(?:update|delete)?([A-Za-z]+?)s?$/.exec(fieldName)?.[1];
  const name = word ? word.charAt(0).toUpperCase() + word.slice(1) : '';
  return name || null;
}

describe.each(engines)('injection strings in every text argument on %s', (engine) => {
  let api: AttackApi;
  let own: Own;
  let before: Snapshot;
  let tablesBefore: string[];
  let log: ReturnType<typeof watchServerLog>;
  let serial = 0;
  const mismatches = new Set<string>();

  beforeAll(async () => {
    api = await startAttackApi(engine);
    before = await snapshot(api.db);
    tablesBefore = await tableNames(api.db);
    own = await createOwn(api);
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    report(`injection strings in every text argument on ${engine}`);
    await api?.close();
  });

  /** Minimal values that get an operation past its first check, so the payload is what it meets. */
  function defaults(fieldName: string, path: Path, type: GraphQLInputType): unknown {
    const name = String(path[path.length - 1]);
    const named = getNamedType(type);
    const unique = () => `${++serial}`;
    if (isInputObjectType(named)) {
      const extras: Record<string, () => object> = {
        ContactInput: () => ({ lastName: 'Attack', externalId: `att-${unique()}` }),
        CompanyInput: () => ({ title: 'Attack', externalId: `att-${unique()}` }),
        DealInput: () => ({ title: 'Attack', externalId: `att-${unique()}` }),
        LeadInput: () => ({ title: 'Attack', externalId: `att-${unique()}` }),
        ProductInput: () => ({ name: 'Attack', externalId: `att-${unique()}` }),
        OrderInput: () => ({ contactId: own.ids.Contact, externalId: `att-${unique()}` }),
        ActivityInput: () => ({ type: 'CALL', subject: 'Attack', contactId: own.ids.Contact, externalId: `att-${unique()}` }),
        UserInput: () => ({ name: 'Attack' }),
        CreateCustomFieldInput: () => ({ code: `UF_ATT_${unique()}`, type: 'STRING' }),
        CustomFieldOptionInput: () => ({ code: `OPT_${unique()}` }),
        AddReferenceItemInput: () => ({ code: `ATT_${unique()}` }),
        StageInput: () => ({ code: `ST_${unique()}` }),
        AddStopListEntryInput: () => ({ address: `att${unique()}@example.com` }),
        UpdateCustomFieldOptionInput: () => ({ id: own.optionId }),
        StaticMemberInput: () => ({ channel: 'EMAIL', address: `m${unique()}@example.com` }),
        FilterGroupInput: () => ({ rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'x' } } }] }),
        FilterRuleInput: () => ({ field: 'client.city', operator: 'EQ' }),
      };
      return extras[named.name]?.();
    }
    if (isEnumType(named)) return undefined;
    if (name === 'id' && path.length === 1) return own.ids[ownTypeOf(fieldName) ?? ''] ?? undefined;
    if (name === 'id' && path[0] === 'input' && fieldName === 'updateSegment') return own.ids.Segment;
    const byName: Record<string, unknown> = {
      pipelineId: own.ids.Pipeline,
      memberId: own.ids.Contact,
      template: 'WITH_WON_DEALS',
      field: fieldName === 'filterValues' ? 'contact.responsible' : undefined,
      name: 'Attack',
      title: 'Attack',
      label: 'Attack',
      text: 'someone@example.com',
      address: 'someone@example.com',
    };
    return byName[name];
  }

  /** What a create or update stored must read back as sent: the same text, trimmed. */
  function checkRoundTrip(data: any, leaf: Path, payload: string, where: string): void {
    if (leaf.length !== 2 || typeof leaf[1] !== 'string') return;
    const result = data && Object.values(data)[0];
    if (!result || typeof result !== 'object' || result.errors?.length) return;
    const node = Object.values(result as object).find((v) => v && typeof v === 'object' && !Array.isArray(v) && 'id' in (v as object)) as Record<string, unknown> | undefined;
    if (!node || !(leaf[1] in node)) return;
    const stored = node[leaf[1]];
    const ok = stored === payload || stored === payload.trim() || (payload.trim() === '' && stored === null);
    if (!ok) mismatches.add(`${where}: stored ${JSON.stringify(stored)}`);
    else note('stored texts read back as sent');
  }

  it('every String and ID argument of every query and mutation, at any depth: typed answers, stored text reads back', async () => {
    const schema = await getSchema();
    // Two payloads per text value by default (rotating, so every payload meets many values); ATTACK_RUNS scales it.
    const perLeaf = Math.max(1, Math.ceil(2 * RUN_FACTOR));
    let offset = 0;
    const fields = rootFields(schema).sort((a, b) => Number(a.field.name.startsWith('delete')) - Number(b.field.name.startsWith('delete')));
    note('root fields (queries and mutations)', fields.length);
    for (const { kind, field } of fields) {
      note('text values in their arguments (String/ID, at any depth)', textLeaves(field).length);
      for (const leaf of textLeaves(field)) {
        const payloads = Array.from({ length: perLeaf }, (_, i) => itemAt(INJECTIONS, (offset + i * 7) % INJECTIONS.length));
        offset++;
        const isId = leaf.scalar === 'ID';
        // A top-level id gets every forged id; ids deeper in an input one of them.
        const forged = !isId ? [] : leaf.path.length === 1 ? FORGED_IDS : [itemAt(FORGED_IDS, offset % FORGED_IDS.length)];
        for (const payload of [...payloads, ...forged]) {
          log.clear();
          const args = argumentsWith(field, leaf.path, payload, defaults);
          const query = operationFor(kind, field, args);
          const where = `${field.name} with ${leaf.path.join('.')} = ${JSON.stringify(payload)}`;
          const result = await api.execRaw(query, args);
          expectTyped(result, `${where}${log.note()}`, { echoes: [payload] });
          log.expectQuiet(where);
          checkRoundTrip(result.data, leaf.path, payload, where);
          count(`text arguments (${kind} fields)`);
        }
      }
    }
    expect([...mismatches]).toEqual([]);
  });

  it('forged cursors on every connection, in every sort order, forwards and backwards: typed answers', async () => {
    const schema = await getSchema();
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      const after = field.args.find((a) => a.name === 'after');
      if (!after) continue;
      const orderArg = field.args.find((a) => a.name === 'orderBy');
      const orderType = orderArg && getNamedType(orderArg.type);
      const orders: Array<Record<string, string> | undefined> = [undefined];
      if (orderType && isInputObjectType(orderType)) {
        const sortBy = orderType.getFields().field;
        if (!sortBy) throw new Error(`${orderType.name} has no 'field' to sort by`);
        const sortField = getNamedType(sortBy.type);
        if (isEnumType(sortField)) for (const v of sortField.getValues()) orders.push({ field: v.name, direction: 'DESC' });
      }
      for (const orderBy of orders) {
        for (const [index, cursor] of FORGED_CURSORS.entries()) {
          log.clear();
          const backwards = index % 2 === 1;
          const base = argumentsWith(field, [backwards ? 'before' : 'after'], cursor, defaults);
          const args: Record<string, unknown> = { ...base, ...(backwards ? { last: 2 } : { first: 2 }), ...(orderBy ? { orderBy } : {}) };
          const defs = field.args
            .filter((a) => args[a.name] !== undefined)
            .map((a) => `$${a.name}: ${a.type.toString()}`)
            .join(', ');
          const call = field.args
            .filter((a) => args[a.name] !== undefined)
            .map((a) => `${a.name}: $${a.name}`)
            .join(', ');
          const where = `${field.name}(${JSON.stringify(orderBy)}) with cursor ${Buffer.from(cursor, 'base64url').toString()}`;
          const result = await api.execRaw(`query(${defs}) { ${field.name}(${call}) { totalCount edges { cursor } pageInfo { hasNextPage } } }`, args);
          expectTyped(result, `${where}${log.note()}`, { echoes: [cursor] });
          log.expectQuiet(where);
          count('forged cursors');
        }
      }
    }
    // The connections inside a segment and a preview.
    for (const [name, query, vars] of [
      ['Segment.entries', `query($id: ID!, $c: String) { segment(id: $id) { entries(first: 2, after: $c, search: "a") { totalCount edges { cursor } } } }`, { id: own.ids.StaticSegment }],
      ['Segment.members', `query($id: ID!, $c: String) { segment(id: $id) { members(first: 2, after: $c) { edges { cursor } } } }`, { id: own.ids.Segment }],
      ['Segment.recipients', `query($id: ID!, $c: String) { segment(id: $id) { recipients(channel: EMAIL, first: 2, after: $c) { edges { cursor } } } }`, { id: own.ids.Segment }],
      [
        'SegmentPreview.members',
        `query($c: String) { previewSegment(input: { filter: { rules: [{ rule: { field: "client.city", operator: IS_NOT_EMPTY } }] } }) { members(first: 2, after: $c) { edges { cursor } } recipients(channel: PHONE, first: 2, after: $c) { edges { cursor } } } }`,
        {},
      ],
    ] as const) {
      for (const cursor of FORGED_CURSORS) {
        log.clear();
        const result = await api.execRaw(query, { ...vars, c: cursor });
        expectTyped(result, `${name} with cursor ${cursor}${log.note()}`, { echoes: [cursor] });
        count('forged cursors');
      }
    }
  });

  it('afterwards every table is still there with every row it had', async () => {
    expect(await tableNames(api.db)).toEqual(tablesBefore);
    expectKept(before, await snapshot(api.db), 'after the injection strings');
    const [users] = await api.db.orm.em.getConnection().execute<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM app_user');
    expect(Number(users.n)).toBeGreaterThan(1);
  });
});
