import { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuditSubjectType } from '../audit/audit.enums';
import { entities, NODE_TYPES, SUBJECT_TYPE_NAMES, subjectTypeOf } from '../domains';
import { getSchema } from '../schema';

/** The manifest (domains.ts) against what the API serves: each derived list agrees with it. */
describe('the domain manifest', () => {
  it('every node type is a GraphQL type implementing Node, and the ORM manages its entity', async () => {
    const schema = await getSchema();
    for (const [name, node] of Object.entries(NODE_TYPES)) {
      const type = schema.getType(name);
      expect(type, name).toBeInstanceOf(GraphQLObjectType);
      expect(
        (type as GraphQLObjectType).getInterfaces().map((i) => i.name),
        name,
      ).toContain('Node');
      expect(entities, name).toContain(node.entity);
    }
  });

  it('every imported type has its bulk upsert, and no other type has one', async () => {
    const mutations = (await getSchema()).getMutationType()!.getFields();
    const upserts = Object.values(mutations).filter((m) => m.type.toString().endsWith('BulkUpsertPayload!'));
    const imported = Object.entries(NODE_TYPES)
      .filter(([, node]) => 'imports' in node && node.imports)
      .map(([name]) => `${name}BulkUpsertPayload!`);
    expect(upserts.map((m) => m.type.toString()).sort()).toEqual(imported.sort());
  });

  it('names each audit subject type with a global id once, both ways', () => {
    for (const [type, name] of Object.entries(SUBJECT_TYPE_NAMES)) expect(subjectTypeOf(name)).toBe(type);
    expect(subjectTypeOf('Contact')).toBe(AuditSubjectType.CONTACT);
    expect(SUBJECT_TYPE_NAMES[AuditSubjectType.STOP_LIST]).toBeUndefined();
  });
});
