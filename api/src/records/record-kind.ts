import type { SqlEntityManager } from '@mikro-orm/knex';
import type { ChildWrites } from './child-writes';
import type { ClassType } from 'type-graphql';
import type { Record } from '../common/record.entity';
import type { UserError } from '../common/user-error';
import type { Path, WriteContext } from './write-context';

/** The result of preparing one input: plain changes to assign, and children to write afterwards. */
export interface Prepared<E> {
  changes: Partial<E>;
  /** Once the record has its key: the child rows to replace (communications, custom values, product rows), stored for the whole batch at once. */
  writeChildren?: (children: ChildWrites, entity: E) => void;
}

/**
 * What the generic create / update / delete / bulk-upsert operations need to know about one kind
 * of record. Each domain supplies one; the operations themselves live in crud.service.ts.
 */
export interface RecordKind<E extends Record, I> {
  entity: ClassType<E>;
  /** Lower-case noun for messages ("contact"). */
  noun: string;
  /** Validates an input into changes; problems go to `ctx.errors`; must not modify `existing`. */
  prepare(input: I, ctx: WriteContext, path: Path, existing: E | null): Promise<Prepared<E>>;
  /** Problems that forbid deleting (e.g. IN_USE); none means the delete may go ahead. */
  checkDelete?(em: SqlEntityManager, entity: E): Promise<UserError[]>;
  /** Cleans up what the database does not cascade (custom field values). */
  afterDelete?(em: SqlEntityManager, keys: number[]): Promise<void>;
  /** Keeps denormalised columns elsewhere in step after a write (e.g. last activity of the owner). */
  afterWrite?(em: SqlEntityManager, entities: E[]): Promise<void>;
}
