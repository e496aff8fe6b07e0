import { encodeCursor } from '../src/common/paging';
import type { Database } from '../src/db/orm';

export interface BenchCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The hand-written SQL answering the same question (the floor). */
  sql: string;
  params: unknown[];
  rowsOf(data: unknown): number;
}

const edges = (field: string) => (data: unknown) => {
  const connection = (data as Record<string, { edges: unknown[] } | undefined>)[field];
  if (!connection) throw new Error(`the answer has no ${field}`);
  return connection.edges.length;
};

/** The reference operations; cursors of deep pages are computed from the data at hand. */
export async function benchCases(db: Database): Promise<BenchCase[]> {
  const connection = db.orm.em.getConnection();
  const [{ n }] = await connection.execute<Array<{ n: number | string }>>('select count(*) as n from contact');
  const deep = Math.max(0, Math.min(49_950, Number(n) - 51));
  const [{ id: deepKey }] = await connection.execute<Array<{ id: number }>>('select id from contact order by id limit 1 offset ?', [deep]);
  const columns = 'id, first_name, last_name, city, created_at';
  return [
    {
      name: 'count contacts',
      query: '{ contacts(first: 0) { totalCount } }',
      sql: 'select count(*) as n from contact',
      params: [],
      rowsOf: (data) => (data as { contacts: { totalCount: number } }).contacts.totalCount,
    },
    {
      name: 'contacts first page (50)',
      query: '{ contacts(first: 50) { edges { cursor node { id firstName lastName city createdAt } } pageInfo { hasNextPage } } }',
      sql: `select ${columns} from contact order by id limit 51`,
      params: [],
      rowsOf: edges('contacts'),
    },
    {
      name: `contacts page at row ${deep + 1} (keyset)`,
      query: 'query($after: String) { contacts(first: 50, after: $after) { edges { cursor node { id firstName lastName city createdAt } } } }',
      variables: { after: encodeCursor([deepKey, deepKey]) },
      sql: `select ${columns} from contact where id > ? order by id limit 51`,
      params: [deepKey],
      rowsOf: edges('contacts'),
    },
    {
      name: 'deals newest first (50)',
      query: '{ deals(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { id title amount stageSemantic createdAt } } } }',
      sql: 'select id, title, amount, stage_semantic, created_at from deal order by created_at desc, id desc limit 51',
      params: [],
      rowsOf: edges('deals'),
    },
  ];
}
