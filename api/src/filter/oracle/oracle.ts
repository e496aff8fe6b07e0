import type { FieldAccess } from '../model/catalog';
import { Combinator, Quantifier } from '../language/filter.enums';
import type { IrGroup, IrNode, IrRule, Test } from '../model/ir';
import { ownerColumn, reach, scopeDef, type FilterModel, type Row, type Snapshot } from '../model/model';

export type { Row, Snapshot } from '../model/model';

/** A saved dynamic segment of the Clients source as the oracle sees it: its resolved filter and member types. */
export interface OracleSegment {
  ir: IrGroup;
  members: string[];
}

/**
 * The in-memory oracle: decides membership row by row, by plain JavaScript over a snapshot of the
 * tables, with no SQL involved. Property tests hold the compiler to it on both engines.
 * `segments` are those `segment.membership` rules may name (each decided once per record).
 */
export class Oracle {
  /** Rows by table and id, for members reaching a subject through a foreign key. */
  private readonly byId = new Map<string, Map<unknown, Row>>();
  private readonly scopeRowCache = new Map<string, Row[]>();
  private readonly memberOf = new Map<string, boolean>();

  constructor(
    private readonly model: FilterModel,
    private readonly data: Snapshot,
    private readonly segments = new Map<number, OracleSegment>(),
  ) {}

  /** Keys of the members of one type that match. */
  members(ir: IrGroup, member: string): number[] {
    return this.tableRows(this.model.members[member]?.table ?? member)
      .filter((row) => this.group(ir, member, row, null))
      .map((row) => row.id as number)
      .sort((a, b) => a - b);
  }

  private tableRows(table: string): Row[] {
    return this.data[table] ?? [];
  }

  private scopeRows(scope: string): Row[] {
    let rows = this.scopeRowCache.get(scope);
    if (!rows) this.scopeRowCache.set(scope, (rows = scopeDef(this.model, scope).rows(this.data)));
    return rows;
  }

  private rowById(table: string, id: unknown): Row | undefined {
    let index = this.byId.get(table);
    if (!index) this.byId.set(table, (index = new Map(this.tableRows(table).map((r) => [r.id, r]))));
    return index.get(id);
  }

  private group(g: IrGroup, member: string, row: Row, scopeRow: { scope: string; row: Row } | null): boolean {
    let result: boolean;
    if (g.scope && !scopeRow) {
      const scope = g.scope;
      const owner = ownerColumn(this.model, scope, member);
      const related = this.scopeRows(scope).filter((r) => r[owner] === row.id);
      const matching = related.filter((r) => this.combine(g, member, row, { scope, row: r })).length;
      result = quantify(g.quantifier, g.threshold, matching, related.length);
    } else {
      result = this.combine(g, member, row, scopeRow);
    }
    return g.not ? !result : result;
  }

  private combine(g: IrGroup, member: string, row: Row, scopeRow: { scope: string; row: Row } | null): boolean {
    const each = (child: IrNode) => (child.type === 'group' ? this.group(child, member, row, scopeRow) : this.rule(child, member, row, scopeRow));
    return g.combinator === Combinator.AND ? g.children.every(each) : g.children.some(each);
  }

  /** The row a subject lives on, or undefined when the member cannot reach it (absent value). */
  private subjectRow(subject: string, member: string, row: Row, scopeRow: { scope: string; row: Row } | null): Row | undefined {
    if (scopeRow) return scopeDef(this.model, scopeRow.scope).subject === subject ? scopeRow.row : undefined;
    const path = reach(this.model, member, subject);
    if (path.kind === 'self') return row;
    if (path.kind === 'via') return row[path.column] == null ? undefined : this.rowById(path.table, row[path.column]);
    return undefined;
  }

  private rule(rule: IrRule, member: string, row: Row, scopeRow: { scope: string; row: Row } | null): boolean {
    const access: FieldAccess = rule.field.access;
    const test = rule.test;
    const on = (subject: string, decide: (subjectRow: Row) => boolean) => {
      const target = this.subjectRow(subject, member, row, scopeRow);
      return target === undefined ? test.kind === 'empty' && !test.negate : decide(target);
    };
    switch (access.kind) {
      case 'column':
        return on(access.subject, (r) => valueTest(access.monthDayColumn && test.kind === 'monthDays' ? r[access.monthDayColumn] : r[access.column], test, access.columnKind === 'text'));
      case 'yearsSince':
        return on(access.subject, (r) => valueTest(r[access.column], test, false));
      case 'memberType': {
        if (!access.of.includes(member)) return test.kind === 'empty' && !test.negate;
        const t = test as Extract<Test, { kind: 'in' }>;
        return t.values.includes(member.toUpperCase()) !== t.negate;
      }
      case 'derived':
        return on(access.subject, (r) => access.evaluate(r, test, { member, data: this.data }));
      case 'membership': {
        if (scopeRow) throw new Error('segment.membership is never scoped.');
        const t = test as Extract<Test, { kind: 'in' }>;
        return t.values.some((key) => this.isMember(Number(key), member, row)) !== t.negate;
      }
    }
  }

  private isMember(key: number, member: string, row: Row): boolean {
    const segment = this.segments.get(key);
    if (!segment) throw new Error(`The oracle was not given segment ${key}.`);
    if (!segment.members.includes(member)) return false;
    const id = `${key}:${member}:${String(row.id)}`;
    let hit = this.memberOf.get(id);
    if (hit === undefined) this.memberOf.set(id, (hit = this.group(segment.ir, member, row, null)));
    return hit;
  }
}

function quantify(quantifier: Quantifier, n: number, matching: number, total: number): boolean {
  switch (quantifier) {
    case Quantifier.SOME:
      return matching > 0;
    case Quantifier.NONE:
      return matching === 0;
    case Quantifier.ALL:
      return total > 0 && matching === total;
    case Quantifier.AT_LEAST:
      return matching >= n;
    case Quantifier.AT_MOST:
      return matching <= n;
    case Quantifier.EXACTLY:
      return matching === n;
  }
}

/** A set of values (channels, options) against a `has` test. */
export function setTest(set: Set<unknown>, test: Test): boolean {
  const t = test as Extract<Test, { kind: 'has' }>;
  const matched = t.mode === 'all' ? t.values.every((v) => set.has(v)) : t.values.some((v) => set.has(v));
  return matched !== t.negate;
}

/** One value against a test; absent (null) values pass nothing but IS_EMPTY. */
export function valueTest(value: unknown, test: Test, isText: boolean): boolean {
  const present = value !== null && value !== undefined;
  switch (test.kind) {
    case 'empty': {
      const empty = !present || (isText && value === '');
      return empty !== test.negate;
    }
    case 'in':
      return present && test.values.includes(value as string | number) !== test.negate;
    case 'like': {
      if (!present) return false;
      // Text tests apply to text columns; a number (never stored there) would read as its digits.
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
      const hit = test.mode === 'begins' ? text.startsWith(test.value) : test.mode === 'ends' ? text.endsWith(test.value) : text.includes(test.value);
      return hit !== test.negate;
    }
    case 'range': {
      if (!present) return false;
      const v = value as number | string;
      const aboveMin = test.min === undefined || (test.minExclusive ? v > test.min : v >= test.min);
      const belowMax = test.max === undefined || (test.maxExclusive ? v < test.max : v <= test.max);
      return (aboveMin && belowMax) !== test.negate;
    }
    case 'monthDays':
      return present && test.ranges.some(([a, b]) => (value as number) >= a && (value as number) <= b);
    case 'bool':
      return present && value === test.value;
    case 'has':
      return false;
  }
}
