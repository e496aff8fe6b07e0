import type { FilterQuery } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases';
import { Contact } from '../../contacts/contact.entity';
import { Deal } from '../../deals/deal.entity';
import type { Database } from '../../db/orm';
import { pageStatement } from '../page-sql';

/** The QueryBuilder's page statement, as findPage built it for every request before. */
function builderStatement(
  db: Database,
  entity: typeof Contact | typeof Deal,
  shape: { properties: string[]; sortProperty: string; ascending: boolean; cursor: [unknown, number] | null; predicate?: { sql: string; params: unknown[] }; limit: number },
) {
  const em = db.fork();
  const op = shape.ascending ? '$gt' : '$lt';
  const dir = shape.ascending ? 'asc' : 'desc';
  const conditions: object[] = [{}];
  if (shape.cursor) {
    const [value, key] = shape.cursor;
    conditions.push(shape.sortProperty === 'key' ? { key: { [op]: key } } : { $or: [{ [shape.sortProperty]: { [op]: value } }, { [shape.sortProperty]: value, key: { [op]: key } }] });
  }
  let qb = em.createQueryBuilder(entity, 'm').where({ $and: conditions } as FilterQuery<object> as never);
  if (shape.predicate) qb = qb.andWhere(shape.predicate.sql, shape.predicate.params);
  const orderBy = shape.sortProperty === 'key' ? { key: dir } : { [shape.sortProperty]: dir, key: dir };
  const { sql, bindings } = qb
    .select(shape.properties as never)
    .orderBy(orderBy)
    .limit(shape.limit)
    .getKnexQuery()
    .toSQL();
  return { sql, params: [...bindings] };
}

describe.each(engines)('light page statements on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(engine));
  });
  afterAll(() => drop());

  const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  const shapes = [
    { entity: Contact, properties: ['key', 'firstName', 'lastName', 'city', 'createdAt'], sortProperty: 'key', ascending: true, cursor: null },
    { entity: Contact, properties: ['key', 'firstName'], sortProperty: 'key', ascending: false, cursor: [17, 17] as [unknown, number] },
    { entity: Contact, properties: ['key', 'createdAt', 'company', 'lastName'], sortProperty: 'createdAt', ascending: true, cursor: [at, 42] as [unknown, number] },
    {
      entity: Contact,
      properties: ['key', 'updatedAt'],
      sortProperty: 'updatedAt',
      ascending: false,
      cursor: [at, 9] as [unknown, number],
      predicate: { sql: 'm.city_folded = ? AND m.id > ?', params: ['kraków', 3] },
    },
    {
      entity: Deal,
      properties: ['key', 'createdAt', 'title', 'amount', 'stageSemantic'],
      sortProperty: 'createdAt',
      ascending: false,
      cursor: null,
      predicate: { sql: 'm.amount > ?', params: [5000] },
    },
  ];

  it.each(shapes.map((shape, i) => [i, shape] as const))('is the statement the QueryBuilder writes, with the same values (shape %i)', (_i, { entity, ...shape }) => {
    const meta = db.orm.getMetadata().get(entity.name);
    const mine = pageStatement({ meta, ...shape, cursor: shape.cursor as [Date | number, number] | null, limit: 51, engine });
    expect(mine).toEqual(builderStatement(db, entity, { ...shape, limit: 51 }));
    // A second request of the same shape gets the remembered text and its own values.
    const again = pageStatement({ meta, ...shape, cursor: shape.cursor && ([shape.cursor[0], shape.cursor[1] + 1] as [Date | number, number]), limit: 11, engine });
    expect(again).toEqual(builderStatement(db, entity, { ...shape, cursor: shape.cursor && [shape.cursor[0], shape.cursor[1] + 1], limit: 11 }));
  });

  it('leaves to the QueryBuilder what it does not write: a collection, a computed field, a null sort value', () => {
    const meta = db.orm.getMetadata().get(Contact.name);
    const base = { meta, sortProperty: 'key', ascending: true, cursor: null, limit: 51, engine } as const;
    expect(pageStatement({ ...base, properties: ['key', 'communications'] })).toBeNull();
    expect(pageStatement({ ...base, properties: ['key', 'fullName'] })).toBeNull();
    expect(pageStatement({ ...base, properties: ['key', 'createdAt'], sortProperty: 'createdAt', cursor: [null, 3] })).toBeNull();
  });
});
