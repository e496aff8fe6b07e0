import { ref, type EntityClass, type Ref } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Config } from '../config/config';
import { ReferenceItem, type ReferenceList } from '../reference-lists/reference-item.entity';
import type { Actor } from '../request/context';
import { keyOf } from '../common/global-id';
import type { Loaders } from '../common/loaders';
import { UserError, UserErrorCode } from '../common/user-error';

export type Path = Array<string | number>;

/**
 * What preparing one input row needs: lookups (batched across rows through `loaders`) and a list
 * of problems. Preparation never touches entities, so a row with problems changes nothing.
 */
export class WriteContext {
  readonly errors: UserError[] = [];

  constructor(
    readonly em: SqlEntityManager,
    readonly config: Config,
    readonly actor: Actor,
    readonly loaders: Loaders,
  ) {}

  /** A context for another row sharing the same lookups but with its own problems. */
  forRow(): WriteContext {
    return new WriteContext(this.em, this.config, this.actor, this.loaders);
  }

  problem(path: Path, code: UserErrorCode, message: string): void {
    this.errors.push(UserError.of(path, code, message));
  }

  /** Trimmed text within a length; '' and null clear the value; undefined means "not given". */
  text(value: string | null | undefined, path: Path, max: number, required = false): string | null | undefined {
    if (value === undefined) return undefined;
    const trimmed = value === null ? '' : value.trim();
    if (trimmed.length === 0) {
      if (required) this.problem(path, UserErrorCode.REQUIRED, `${String(path[path.length - 1])} is required.`);
      return null;
    }
    if (trimmed.length > max) {
      this.problem(path, UserErrorCode.INVALID, `${String(path[path.length - 1])} is longer than ${max} characters.`);
    }
    return trimmed;
  }

  currency(value: string | null | undefined, path: Path): string | null | undefined {
    if (value === undefined || value === null || value.trim() === '') return value === undefined ? undefined : null;
    const code = value.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) this.problem(path, UserErrorCode.INVALID, `"${value}" is not an ISO 4217 currency code (e.g. EUR).`);
    return code;
  }

  nonNegative(value: number | null | undefined, path: Path): number | null | undefined {
    if (value != null && (!Number.isFinite(value) || value < 0)) {
      this.problem(path, UserErrorCode.INVALID, `${String(path[path.length - 1])} cannot be negative.`);
    }
    return value;
  }

  /**
   * Resolves a global id to a reference: undefined = not given, null = cleared. A malformed id, one
   * of another type, or one of a record that does not exist is a NOT_FOUND problem.
   */
  async byId<T extends object>(entity: EntityClass<T>, id: string | null | undefined, path: Path): Promise<Ref<T> | null | undefined> {
    if (id === undefined || id === null) return id;
    const key = keyOf(id, entity.name);
    const found = key === null ? null : await this.loaders.byProperty<T, number>(entity, 'key').load(key);
    if (!found) {
      this.problem(path, UserErrorCode.NOT_FOUND, `No ${entity.name.toLowerCase()} has the id "${id}".`);
      return undefined;
    }
    return ref(found) as Ref<T>;
  }

  async byExternalId<T extends object>(entity: EntityClass<T>, externalId: string | null | undefined, path: Path): Promise<Ref<T> | null | undefined> {
    if (externalId === undefined || externalId === null) return externalId;
    const found = await this.loaders.byProperty<T, string>(entity, 'externalId').load(externalId);
    if (!found) {
      this.problem(path, UserErrorCode.NOT_FOUND, `No ${entity.name.toLowerCase()} has the external id "${externalId}".`);
      return undefined;
    }
    return ref(found) as Ref<T>;
  }

  /** A link given either by global id or by external id (bulk loads know only the latter). */
  async byIdOrExternalId<T extends object>(
    entity: EntityClass<T>,
    id: string | null | undefined,
    externalId: string | null | undefined,
    path: Path,
    idField: string,
  ): Promise<Ref<T> | null | undefined> {
    if (id !== undefined && externalId !== undefined && id !== null && externalId !== null) {
      this.problem([...path, idField], UserErrorCode.INVALID, `Give ${idField} or its external id, not both.`);
      return undefined;
    }
    if (id !== undefined) return this.byId(entity, id, [...path, idField]);
    return this.byExternalId(entity, externalId, [...path, idField.replace(/Id$/, 'ExternalId')]);
  }

  /** A reference-list value by its stable code. */
  async referenceItem(list: ReferenceList, code: string | null | undefined, path: Path): Promise<Ref<ReferenceItem> | null | undefined> {
    if (code === undefined || code === null || code === '') return code === '' ? null : code;
    const items = await this.loaders
      .get<ReferenceList, Map<string, ReferenceItem>>('referenceItemsByList', async (lists) => {
        const rows = await this.em.find(ReferenceItem, { list: { $in: [...lists] } });
        return lists.map((l) => new Map(rows.filter((r) => r.list === l).map((r) => [r.code, r])));
      })
      .load(list);
    const item = items.get(code);
    if (!item) {
      this.problem(path, UserErrorCode.NOT_FOUND, `"${code}" is not a value of the ${list} list.`);
      return undefined;
    }
    return ref(item);
  }
}

/** Copies the keys whose value is not undefined ("not given" leaves the stored value alone). */
export function given<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
