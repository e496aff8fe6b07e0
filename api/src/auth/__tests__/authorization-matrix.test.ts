import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { itemAt } from '../../lib/indexed';
import { getSchema } from '../../schema';
import { UserRole } from '../../users/user.entity';
import { ROLE_SCOPES, Scope, TOKEN_SCOPES } from '../actor';
import { cookieOf, listen } from './http-client';
import { operationDocuments, type OperationDocument } from './operation-documents';
import { ADMIN_OR_SELF_USER_FIELDS, allows, COUNT_TYPES, FIELD_REQUIREMENTS, requirementOf } from './permissions';
import { getNamedType, isObjectType } from 'graphql';

interface Credential {
  label: string;
  headers: Record<string, string>;
  /** Global id of the user it acts as (a token: its creator). */
  userId?: string;
  /** What it may do; null = no credential at all. */
  scopes: readonly Scope[] | null;
}

const DENIED = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];

/**
 * Every root operation × every role and every single-scope token, over real HTTP with real
 * credentials (session cookies from signing in, Bearer tokens): an operation answers exactly the
 * credentials the access contract (permissions.ts) allows, and refuses the others with a typed
 * error and no data. Then the fields that show people (members, recipients, addresses, exports).
 */
describe.each(engines)('authorization matrix on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;
  let documents: OperationDocument[];
  const credentials: Credential[] = [{ label: 'no credential', headers: {}, scopes: null }];

  beforeAll(async () => {
    api = await startTestApi(engine);
    http = await listen(api);
    documents = operationDocuments(await getSchema());
    for (const role of Object.values(UserRole)) {
      const { user, password } = await api.createUser(role);
      const signedIn = await http.post('mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { errors { code } } }', { e: user.email, p: password });
      credentials.push({ label: `${role} session`, headers: { cookie: cookieOf(signedIn.setCookies[0]) }, scopes: ROLE_SCOPES[role], userId: user.id });
    }
    const adminId = (await api.exec('{ me { user { id } } }')).me.user.id;
    for (const scope of TOKEN_SCOPES) {
      credentials.push({ label: `token with ${scope}`, headers: { authorization: `Bearer ${await api.createToken([scope])}` }, scopes: [scope], userId: adminId });
    }
  });
  afterAll(async () => {
    await http.close();
    await api.close();
  });

  it('has a deliberate access decision for every operation', () => {
    const undecided = documents.map((d) => d.name).filter((name) => !requirementOf(name));
    expect(undecided).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(100);
  });

  it('answers each operation to exactly the credentials allowed, and refuses the rest with a typed error', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const credential of credentials) {
      for (const document of documents) {
        // Signing out would end the session the rest of the run uses (sign-out has its own test).
        if (document.name === 'logOut' && credential.headers.cookie) continue;
        const { body } = await http.post(document.query, document.variables, credential.headers);
        checked++;
        const errors: Array<{ path?: string[]; extensions?: { code?: string } }> = body.errors ?? [];
        const codes = errors.map((e) => e.extensions?.code);
        if (codes.includes('GRAPHQL_VALIDATION_FAILED') || codes.includes('BAD_REQUEST')) {
          wrong.push(`${document.name}: the generated document is invalid: ${JSON.stringify(errors)}`);
          continue;
        }
        const denied = errors.filter((e) => e.path?.[0] === document.name && DENIED.includes(e.extensions?.code ?? ''));
        const expected = allows(requirementOf(document.name)!, credential.scopes);
        if (expected && denied.length) wrong.push(`${document.name} refused ${credential.label}: ${denied[0]?.extensions?.code}`);
        if (!expected && (!denied.length || body.data?.[document.name] != null)) wrong.push(`${document.name} answered ${credential.label}`);
        if (!expected && denied.length && credential.scopes === null && denied[0]?.extensions?.code !== 'UNAUTHENTICATED')
          wrong.push(`${document.name}: ${credential.label} got ${denied[0]?.extensions?.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  }, 240_000);

  it('shows members, recipients, addresses and exports only with recipients:read', async () => {
    const dynamic = (
      await api.exec('mutation { createSegment(input: { name: "People", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: IS_NOT_EMPTY } }] } }) { segment { id } } }')
    ).createSegment.segment.id;
    const fixed = (await api.exec('mutation { createSegment(input: { name: "List", kind: STATIC }) { segment { id } } }')).createSegment.segment.id;
    const probes = {
      members: ['query($id: ID!) { segment(id: $id) { memberCount { value } members(first: 1) { edges { cursor } } } }', { id: dynamic }],
      recipients: ['query($id: ID!) { segment(id: $id) { recipients(channel: EMAIL, first: 1) { edges { cursor } } } }', { id: dynamic }],
      exportUrl: ['query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }', { id: dynamic }],
      entries: ['query($id: ID!) { segment(id: $id) { entries(first: 1) { edges { cursor } } } }', { id: fixed }],
      previewMembers: [
        'query { previewSegment(input: { filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: IS_NOT_EMPTY } }] } }) { memberCount { value } members(first: 1) { edges { cursor } } } }',
        {},
      ],
      previewRecipients: [
        'query { previewSegment(input: { filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: IS_NOT_EMPTY } }] } }) { recipients(channel: EMAIL, first: 1) { edges { cursor } } } }',
        {},
      ],
    } as const;
    const wrong: string[] = [];
    for (const credential of credentials.filter((c) => c.scopes?.includes(Scope.SEGMENTS_READ))) {
      const mayRead = credential.scopes!.includes(Scope.RECIPIENTS_READ);
      for (const [name, [query, variables]] of Object.entries(probes)) {
        const { body } = await http.post(query, variables, credential.headers);
        if ((body.errors ?? []).some((e: any) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) wrong.push(`${name}: invalid probe ${JSON.stringify(body.errors)}`);
        const forbidden = (body.errors ?? []).some((e: any) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.scope === 'recipients:read');
        if (mayRead === forbidden) wrong.push(`${name} for ${credential.label}: ${JSON.stringify(body.errors ?? 'answered')}`);
        if (!mayRead && JSON.stringify(body.data ?? {}).includes('cursor')) wrong.push(`${name} leaked rows to ${credential.label}`);
      }
      // Counts are for everyone who reads segments.
      const counts = await http.post('query($id: ID!) { segment(id: $id) { memberCount { value } recipientCounts { value } } }', { id: dynamic }, credential.headers);
      if (counts.body.errors) wrong.push(`counts refused ${credential.label}`);
    }
    expect(wrong).toEqual([]);
  });

  it('shows staff as id and name only to everyone but administrators (and each user their own details)', async () => {
    const fields = ADMIN_OR_SELF_USER_FIELDS.join(' ');
    const segment = (await api.exec('mutation { createSegment(input: { name: "Made by the admin", kind: STATIC }) { segment { id } } }')).createSegment.segment.id;
    const usersQuery = `{ users(first: 50) { edges { node { id name ${fields} } } } }`;
    const creatorQuery = `query($id: ID!) { segment(id: $id) { createdBy { id name ${fields} } } }`;
    const wrong: string[] = [];
    let readers = 0;
    for (const credential of credentials.filter((c) => c.scopes && allows(requirementOf('users')!, c.scopes))) {
      readers++;
      const answers = [(await http.post(usersQuery, {}, credential.headers)).body];
      // Wherever else a user appears, e.g. as who made a segment.
      if (credential.scopes!.includes(Scope.SEGMENTS_READ)) answers.push((await http.post(creatorQuery, { id: segment }, credential.headers)).body);
      for (const body of answers) if (body.errors) wrong.push(`${credential.label}: ${JSON.stringify(body.errors)}`);
      const admin = credential.scopes!.includes(Scope.ADMIN);
      const people = answers.flatMap((body) => [...(body.data?.users?.edges ?? []).map((e: any) => e.node), ...(body.data?.segment ? [body.data.segment.createdBy] : [])]);
      if (people.length < 4) wrong.push(`${credential.label} saw ${people.length} users`);
      for (const person of people) {
        if (typeof person.id !== 'string' || typeof person.name !== 'string') wrong.push(`${credential.label}: no id and name for ${JSON.stringify(person)}`);
        // Every user here has an e-mail; lastSignInAt is null for those who never signed in.
        const visible = admin || person.id === credential.userId;
        if (visible && ['email', 'role', 'active', 'mustChangePassword'].some((field) => person[field] == null)) wrong.push(`${credential.label} did not see the details of ${person.name}`);
        if (!visible && ADMIN_OR_SELF_USER_FIELDS.some((field) => person[field] !== null)) wrong.push(`${credential.label} saw details of ${person.name}: ${JSON.stringify(person)}`);
        if (admin && person.id === credentials.find((c) => c.label === 'VIEWER session')!.userId && !person.lastSignInAt) wrong.push(`${credential.label} did not see when the viewer signed in`);
      }
    }
    expect(wrong).toEqual([]);
    expect(readers).toBeGreaterThanOrEqual(5);
  });

  it('has a field-level access decision for every field that returns a count of people', async () => {
    const schema = await getSchema();
    const countFields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as import('graphql').GraphQLObjectType).getFields()).map((field) => ({ name: `${type.name}.${field.name}`, type: getNamedType(field.type).name })))
      .filter((field) => COUNT_TYPES.includes(field.type));
    expect(countFields.length).toBeGreaterThanOrEqual(4);
    expect(countFields.map((f) => f.name).filter((name) => !FIELD_REQUIREMENTS[name])).toEqual([]);
  });

  it('answers count fields, mutation payloads included, only to the credentials the field-level contract allows, and the rest of the payload still arrives', async () => {
    const payloads = {
      'Segment.memberCount': 'mutation { createSegment(input: { name: "Counted", kind: STATIC }) { segment { name memberCount { value } } } }',
      'Segment.recipientCounts': 'mutation { createSegment(input: { name: "Counted", kind: STATIC }) { segment { name recipientCounts { value } } } }',
    } as const;
    const wrong: string[] = [];
    for (const credential of credentials.filter((c) => c.scopes?.includes(Scope.SEGMENTS_WRITE))) {
      for (const [field, query] of Object.entries(payloads)) {
        const { body } = await http.post(query, {}, credential.headers);
        const segment = body.data?.createSegment?.segment;
        const countField = itemAt(field.split('.'), 1);
        const requirement = FIELD_REQUIREMENTS[field];
        if (!requirement) throw new Error(`FIELD_REQUIREMENTS lists no requirement for ${field}`);
        const refused = (body.errors ?? []).some((e: any) => e.extensions?.code === 'FORBIDDEN' && e.path?.join('.') === `createSegment.segment.${countField}`);
        const expected = allows(requirement, credential.scopes);
        if (segment?.name !== 'Counted') wrong.push(`${field}: the payload did not arrive for ${credential.label}: ${JSON.stringify(body)}`);
        if (expected === refused) wrong.push(`${field} for ${credential.label}: ${expected ? 'refused' : 'answered'} ${JSON.stringify(body.errors ?? segment)}`);
        if (!expected && segment?.[countField] != null) wrong.push(`${field} leaked a count to ${credential.label}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(credentials.some((c) => c.scopes?.includes(Scope.SEGMENTS_WRITE) && !c.scopes.includes(Scope.SEGMENTS_READ))).toBe(true);
  });

  it('reads records by global id only with the scope of their type', async () => {
    const contact = (await api.exec('mutation { createContact(input: { firstName: "Nina", lastName: "Secret" }) { contact { id } } }')).createContact.contact.id;
    const viewer = credentials.find((c) => c.label === 'VIEWER session')!;
    const marketer = credentials.find((c) => c.label === 'MARKETER session')!;
    const asViewer = await http.post('query($id: ID!) { node(id: $id) { ... on Contact { lastName } } }', { id: contact }, viewer.headers);
    expect(asViewer.body.data.node).toBeNull();
    expect(asViewer.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'crm:read' });
    const asMarketer = await http.post('query($id: ID!) { node(id: $id) { ... on Contact { lastName } } }', { id: contact }, marketer.headers);
    expect(asMarketer.body.data.node).toEqual({ lastName: 'Secret' });
    const tokenId = (await api.exec('{ apiTokens { id } }')).apiTokens[0].id;
    const tokenAsMarketer = await http.post('query($id: ID!) { node(id: $id) { id } }', { id: tokenId }, marketer.headers);
    expect(tokenAsMarketer.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
