import type { SqlEntityManager } from '@mikro-orm/knex';
import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, registerEnumType, Resolver, type ClassType } from 'type-graphql';
import { propertiesFor, requestsCollection, selectedFields } from '../common/projection';
import { connectionType, findPage, heavyRead, lightRead, orderInput, toConnection, type SortSpec } from '../common/connection';
import type { Context } from '../request/context';
import type { Scope } from '../auth/actor';
import { Requires } from '../request/guards';
import { createRecord, deleteRecord, updateRecord, upsertRecords, type ImportCounts } from './crud.service';
import { keyOf } from '../common/global-id';
import { OrderDirection, PageArgs } from '../common/paging';
import { bulkPayloadType, DeletePayload, payloadType, UpsertStatus } from '../common/payloads';
// The stored-record base class, named apart from TypeScript's Record<K, V> used below.
import type { Record as StoredRecord } from '../common/record.entity';
import type { RecordKind } from './record-kind';
import type { Sql } from '../filter/sql/dialect';
import type { NodeType } from './node-type';
import type { FilterScope, MemberType, SegmentSource } from '../common/crm-enums';

export type { ImportedNodeType, NodeType, PlainNodeType } from './node-type';
import type { AuditSubjectType } from '../audit/audit.enums';

/**
 * `filter:` on a list, in the segment filter language: what the list needs from the filtering
 * domain (segments/filtering/list-filter.ts makes one), so this module compiles no filter itself.
 */
export interface ListFilter<P = unknown> {
  /** The GraphQL input type of the `filter` argument. */
  input: ClassType<object>;
  /** Validates and compiles the filter; a bad filter throws BAD_FILTER with every problem. */
  prepare(ctx: Context, filter: object, timeZone: string | null): Promise<P>;
  /** The predicate over the list's rows `m`. */
  predicate(prepared: P): Sql | undefined;
  /** The filtered total: one COUNT statement. */
  count(ctx: Context, prepared: P): Promise<number>;
}

/** What a CRM list asks of the filtering: whose records, as which member type. */
export interface ListFilterOptions {
  source: SegmentSource;
  member: MemberType;
  memberScope?: FilterScope;
}

/**
 * Makes a list's `filter:` (segments/filtering/list-filter.ts). The composition root hands it to
 * the record types' resolvers: the filtering composes the record kinds, so they cannot import it.
 */
export type ListFilterFactory = (options: ListFilterOptions) => ListFilter;

/** The operations' names, written out where each resolver is declared so a grep finds them. */
interface CrudOperations {
  /** One record by id, e.g. `contact`. */
  one: string;
  /** The keyset connection, e.g. `contacts`. */
  list: string;
  create: string;
  update: string;
  delete: string;
}

export type CrudOptions<E extends StoredRecord, I extends object, F extends string, N extends NodeType, P = unknown> = {
  /** The manifest's entry (domains.ts): the GraphQL type, and whether the type is imported in bulk. */
  node: N;
  kind: RecordKind<E, I>;
  input: ClassType<I>;
  /** Sortable columns: GraphQL enum value → entity property (ties broken by key). */
  sortFields: Record<F, { property: string; isDate?: boolean }>;
  /** What computed GraphQL fields of the node read (for loading only what a page asks for). */
  fieldNeeds?: Record<string, string[]>;
  /** Who may read (by id, lists) and write (create, update, delete, upsert): any one of the scopes. */
  scopes: { read: Scope[]; write: Scope[] };
  /** Offer `filter:` on the list. */
  filter?: ListFilter<P>;
} & (N extends { imports: true }
  ? {
      /** `upsert<Plural>(rows)` matching on externalId, named here. */
      operations: CrudOperations & { upsert: string };
      /** Writes the audit event of one bulk upsert, in its transaction. */
      recordImport: (ctx: Context, subject: AuditSubjectType, counts: ImportCounts) => Promise<unknown>;
    }
  : { operations: CrudOperations });

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Computed fields every record type shares: custom values are loaded by the record's key. */
const COMPUTED_FIELD_NEEDS: Record<string, string[]> = { customFields: [] };

/**
 * Queries and mutations every CRM record type has: by id, a keyset connection with sorting,
 * create, update, delete and (for importable types) bulk upsert by external id.
 */
export function crudResolver<E extends StoredRecord, I extends object, F extends string, N extends NodeType, P = unknown>(options: CrudOptions<E, I, F, N, P>) {
  const { kind, operations } = options;
  const name = options.node.entity.name;
  if (kind.entity !== (options.node.entity as unknown)) throw new Error(`The resolver of ${kind.entity.name} names the manifest's ${name}.`);
  const [single, plural] = [operations.one, operations.list];
  const Readers = () => Requires(...options.scopes.read);
  const Writers = () => Requires(...options.scopes.write);
  const Connection = connectionType(kind.entity, name);
  const Payload = payloadType(kind.entity, name, single);
  const BulkPayload = bulkPayloadType(kind.entity, name, single);
  const fieldEnum = Object.fromEntries(Object.keys(options.sortFields).map((k) => [k, k])) as { [K in F]: K };
  registerEnumType(fieldEnum, { name: `${name}OrderField` });
  const OrderInput = orderInput(fieldEnum, `${name}OrderField`);

  @Resolver()
  class CrudResolver {
    @Readers()
    @Query(() => kind.entity, { name: single, nullable: true, description: `One ${kind.noun} by global id; null if there is none.` })
    async one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<E | null> {
      const key = keyOf(id, name);
      return key === null ? null : ctx.em.findOne(kind.entity, { key } as FilterQuery<E>);
    }

    @Writers()
    @Mutation(() => Payload, { name: operations.create })
    async create(@Arg('input', () => options.input) input: I, @Ctx() ctx: Context): Promise<InstanceType<typeof Payload>> {
      const result = await createRecord(ctx, kind, input);
      return { node: result.entity, errors: result.errors };
    }

    @Writers()
    @Mutation(() => Payload, { name: operations.update, description: 'Fields left out keep their value; null clears a value.' })
    async update(@Arg('id', () => ID) id: string, @Arg('input', () => options.input) input: I, @Ctx() ctx: Context): Promise<InstanceType<typeof Payload>> {
      const result = await updateRecord(ctx, kind, id, input);
      return { node: result.entity, errors: result.errors };
    }

    @Writers()
    @Mutation(() => DeletePayload, { name: operations.delete })
    async remove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
      const result = await deleteRecord(ctx, kind, id);
      return { deletedId: result.errors.length ? null : id, errors: result.errors };
    }
  }

  const filterOptions = options.filter;
  const listPage = async (ctx: Context, info: GraphQLResolveInfo, page: PageArgs, orderBy: InstanceType<typeof OrderInput> | null, filtered?: P) => {
    const field = orderBy ? options.sortFields[orderBy.field] : { property: 'key' };
    const sort: SortSpec = { ...field, direction: orderBy?.direction ?? OrderDirection.ASC };
    const predicate = filtered === undefined ? undefined : filterOptions?.predicate(filtered);
    const meta = ctx.db.orm.getMetadata().get(kind.entity.name);
    const selected = selectedFields(info, ['edges', 'node']);
    const properties = propertiesFor(meta, selected, { ...COMPUTED_FIELD_NEEDS, ...options.fieldNeeds }, []);
    // Collections load through a managed owner; every other page uses light read-only rows.
    const light = properties && !requestsCollection(meta, selected, options.fieldNeeds) ? lightRead(ctx) : undefined;
    // A light page only builds SQL with the entity manager (the rows come through db.read): the
    // process's one does, and the request's is not forked for it.
    const connection = toConnection<InstanceType<typeof Connection>, E>(
      Connection,
      await findPage(light ? (ctx.db.orm.em as SqlEntityManager) : ctx.em, kind.entity, {} as FilterQuery<E>, sort, page, ctx.config.maxPageSize, {
        predicate,
        properties,
        light,
        count: heavyRead(ctx),
      }),
    );
    // A filtered total is one COUNT statement, run off the event loop on SQLite.
    if (filtered !== undefined && filterOptions) connection.counter = () => filterOptions.count(ctx, filtered);
    return connection;
  };

  // Only the variant used is defined: type-graphql hands a base class's operations to one subclass.
  const plainList = () => {
    @Resolver()
    class PlainList extends CrudResolver {
      @Readers()
      @Query(() => Connection, { name: plural, description: `${capitalize(kind.noun)}s, a keyset-paged connection (default order: id ascending).` })
      list(
        @Args(() => PageArgs) page: PageArgs,
        @Arg('orderBy', () => OrderInput, { nullable: true }) orderBy: InstanceType<typeof OrderInput> | null,
        @Ctx() ctx: Context,
        @Info() info: GraphQLResolveInfo,
      ): Promise<InstanceType<typeof Connection>> {
        return listPage(ctx, info, page, orderBy);
      }
    }
    return PlainList;
  };

  const filteredList = (filterOptions: ListFilter<P>) => {
    @Resolver()
    class FilteredList extends CrudResolver {
      @Readers()
      @Query(() => Connection, {
        name: plural,
        description: `${capitalize(kind.noun)}s, a keyset-paged connection (default order: id ascending), optionally narrowed by a filter in the segment filter language (a bad filter answers BAD_FILTER with every problem).`,
      })
      async list(
        @Args(() => PageArgs) page: PageArgs,
        @Arg('orderBy', () => OrderInput, { nullable: true }) orderBy: InstanceType<typeof OrderInput> | null,
        @Arg('filter', () => filterOptions.input, { nullable: true }) filter: object | null,
        @Arg('timeZone', () => String, { nullable: true, description: 'For relative dates; default DEFAULT_TIME_ZONE.' }) timeZone: string | null,
        @Ctx() ctx: Context,
        @Info() info: GraphQLResolveInfo,
      ): Promise<InstanceType<typeof Connection>> {
        if (!filter) return listPage(ctx, info, page, orderBy);
        return listPage(ctx, info, page, orderBy, await filterOptions.prepare(ctx, filter, timeZone));
      }
    }
    return FilteredList;
  };

  const Listing = filterOptions ? filteredList(filterOptions) : plainList();
  if (!('recordImport' in options)) return Listing;
  const { upsert: upsertName } = options.operations;
  const node = options.node as Extract<NodeType, { imports: true }>;
  const recordImport = options.recordImport;

  @Resolver()
  class BulkResolver extends Listing {
    @Writers()
    @Mutation(() => BulkPayload, {
      name: upsertName,
      description: `Creates or updates ${kind.noun}s matched on externalId. Each row reports on its own; good rows are stored in one transaction even when others fail.`,
    })
    async upsert(@Arg('rows', () => [options.input]) rows: I[], @Ctx() ctx: Context): Promise<InstanceType<typeof BulkPayload>> {
      const results = await upsertRecords(
        ctx,
        kind as unknown as RecordKind<E & { externalId?: string | null }, I & { externalId?: string | null }>,
        rows as Array<I & { externalId?: string | null }>,
        (c, counts) => recordImport(c, node.audit, counts),
      );
      const count = (status: UpsertStatus) => results.filter((r) => r.status === status).length;
      return {
        results: results.map((r) => ({ index: r.index, externalId: r.externalId, status: r.status, node: r.entity, errors: r.errors })),
        created: count(UpsertStatus.CREATED),
        updated: count(UpsertStatus.UPDATED),
        failed: count(UpsertStatus.FAILED),
      };
    }
  }
  return BulkResolver;
}
