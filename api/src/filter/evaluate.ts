import { CustomFieldType } from '../custom-fields/custom-field.enums';
import type { FieldDef, Subject } from './catalog';
import { SCOPE_SUBJECT } from './catalog';
import { Combinator, FilterScope, Quantifier } from './filter.enums';
import type { IrGroup, IrNode, IrRule, Test } from './ir';
import { COMMUNICATION_OWNER, CUSTOM_SUBJECT, reach, SCOPES, type MemberType } from './model';

/** Rows of every table the filter reads, as plain objects keyed by column name (instants in ms, booleans as booleans). */
export type Row = Record<string, unknown>;
export type Snapshot = Record<'contact' | 'company' | 'lead' | 'deal' | 'crm_order' | 'activity' | 'product_row' | 'communication' | 'custom_field_value', Row[]>;

/** A saved dynamic segment of the Clients source as the oracle sees it: its resolved filter and member types. */
export interface OracleSegment {
  ir: IrGroup;
  members: MemberType[];
}

/**
 * The in-memory oracle: decides membership row by row, by plain JavaScript over a snapshot of the
 * tables, with no SQL involved. Property tests hold the compiler to it on both engines.
 * `segments` are those `segment.membership` rules may name (each decided once per record).
 */
export class Oracle {
  private readonly companies: Map<unknown, Row>;
  private readonly purchases: Row[];
  private readonly memberOf = new Map<string, boolean>();

  constructor(
    private readonly data: Snapshot,
    private readonly segments = new Map<number, OracleSegment>(),
  ) {
    this.companies = new Map(data.company.map((c) => [c.id, c]));
    const orders = new Map(data.crm_order.map((o) => [o.id, o]));
    const deals = new Map(data.deal.map((d) => [d.id, d]));
    this.purchases = data.product_row.flatMap((pr): Row[] => {
      if (pr.order_id != null) {
        const o = orders.get(pr.order_id) as Row;
        return [{ ...pr, contact_id: o.contact_id, company_id: o.company_id, found_in: 'ORDER', paid: o.paid, deal_semantic: null }];
      }
      const d = deals.get(pr.deal_id) as Row;
      return [{ ...pr, contact_id: d.contact_id, company_id: d.company_id, found_in: 'DEAL', paid: null, deal_semantic: d.stage_semantic }];
    });
  }

  /** Keys of the members of one type that match. */
  members(ir: IrGroup, member: MemberType): number[] {
    return this.data[member].filter((row) => this.group(ir, member, row, null)).map((row) => row.id as number).sort((a, b) => a - b);
  }

  private scopeRows(scope: FilterScope): Row[] {
    const table = { [FilterScope.DEALS]: 'deal', [FilterScope.ORDERS]: 'crm_order', [FilterScope.ACTIVITIES]: 'activity' } as const;
    return scope === FilterScope.PURCHASES ? this.purchases : this.data[table[scope]];
  }

  private group(g: IrGroup, member: MemberType, row: Row, scopeRow: { scope: FilterScope; row: Row } | null): boolean {
    let result: boolean;
    if (g.scope && !scopeRow) {
      const owner = SCOPES[g.scope].owner[member] as string;
      const related = this.scopeRows(g.scope).filter((r) => r[owner] === row.id);
      const matching = related.filter((r) => this.combine(g, member, row, { scope: g.scope as FilterScope, row: r })).length;
      result = quantify(g.quantifier, g.threshold, matching, related.length);
    } else {
      result = this.combine(g, member, row, scopeRow);
    }
    return g.not ? !result : result;
  }

  private combine(g: IrGroup, member: MemberType, row: Row, scopeRow: { scope: FilterScope; row: Row } | null): boolean {
    const each = (child: IrNode) => (child.type === 'group' ? this.group(child, member, row, scopeRow) : this.rule(child, member, row, scopeRow));
    return g.combinator === Combinator.AND ? g.children.every(each) : g.children.some(each);
  }

  /** The row a subject lives on, or undefined when the member cannot reach it (absent value). */
  private subjectRow(subject: Subject, member: MemberType, row: Row, scopeRow: { scope: FilterScope; row: Row } | null): Row | undefined {
    if (scopeRow) return SCOPE_SUBJECT[scopeRow.scope] === subject ? scopeRow.row : undefined;
    const path = reach(member, subject);
    if (path.kind === 'self') return row;
    if (path.kind === 'via') return row[path.column] == null ? undefined : this.companies.get(row[path.column]);
    return undefined;
  }

  private rule(rule: IrRule, member: MemberType, row: Row, scopeRow: { scope: FilterScope; row: Row } | null): boolean {
    const { access } = rule.field;
    const test = rule.test;
    const on = (subject: Subject, decide: (subjectRow: Row) => boolean) => {
      const target = this.subjectRow(subject, member, row, scopeRow);
      return target === undefined ? test.kind === 'empty' && !test.negate : decide(target);
    };
    switch (access.kind) {
      case 'column':
        return on(access.subject, (r) => valueTest(access.monthDayColumn && test.kind === 'monthDays' ? r[access.monthDayColumn] : r[access.column], test, access.columnKind === 'text'));
      case 'age':
        return on('contact', (r) => valueTest(r[access.column], test, false));
      case 'clientType': {
        if (member === 'lead') return test.kind === 'empty' && !test.negate;
        const t = test as Extract<Test, { kind: 'in' }>;
        return t.values.includes(member.toUpperCase()) !== t.negate;
      }
      case 'communications':
        return on(access.subject, (r) => {
          const owner = COMMUNICATION_OWNER[member];
          return setTest(new Set(this.data.communication.filter((c) => c[owner] === r.id).map((c) => c.channel)), test);
        });
      case 'purchaseWhere':
        return on('purchase', (r) => {
          const t = test as Extract<Test, { kind: 'in' }>;
          const found = t.values.some((where) => foundIn(String(where), r));
          return found !== t.negate;
        });
      case 'custom':
        return on(CUSTOM_SUBJECT[access.entity], (r) => this.custom(rule.field, r, test));
      case 'membership': {
        if (scopeRow) throw new Error('segment.membership is never scoped.');
        const t = test as Extract<Test, { kind: 'in' }>;
        return t.values.some((key) => this.isMember(Number(key), member, row)) !== t.negate;
      }
    }
  }

  private isMember(key: number, member: MemberType, row: Row): boolean {
    const segment = this.segments.get(key);
    if (!segment) throw new Error(`The oracle was not given segment ${key}.`);
    if (!segment.members.includes(member)) return false;
    const id = `${key}:${member}:${row.id}`;
    let hit = this.memberOf.get(id);
    if (hit === undefined) this.memberOf.set(id, (hit = this.group(segment.ir, member, row, null)));
    return hit;
  }

  private custom(def: FieldDef, subjectRow: Row, test: Test): boolean {
    const access = def.access as Extract<FieldDef['access'], { kind: 'custom' }>;
    const values = this.data.custom_field_value.filter((v) => v.field_id === access.fieldKey && v.record_id === subjectRow.id);
    if (test.kind === 'empty') return (values.length === 0) !== test.negate;
    if (test.kind === 'has') return setTest(new Set(values.map((v) => v.option_id)), test);
    const column = { STRING: 'string_folded', NUMBER: 'number_value', DATE: 'date_value', BOOLEAN: 'boolean_value', LIST: 'option_id', MULTI_LIST: 'option_id' }[access.customType];
    return values.some((v) => valueTest(v[column], test, access.customType === CustomFieldType.STRING));
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

function foundIn(where: string, r: Row): boolean {
  switch (where) {
    case 'ANYWHERE':
      return true;
    case 'PAID_ORDER':
      return r.found_in === 'ORDER' && r.paid === true;
    case 'UNPAID_ORDER':
      return r.found_in === 'ORDER' && r.paid === false;
    default:
      return r.found_in === 'DEAL' && r.deal_semantic === where.replace('DEAL_', '');
  }
}

function setTest(set: Set<unknown>, test: Test): boolean {
  const t = test as Extract<Test, { kind: 'has' }>;
  const matched = t.mode === 'all' ? t.values.every((v) => set.has(v)) : t.values.some((v) => set.has(v));
  return matched !== t.negate;
}

/** One value against a test; absent (null) values pass nothing but IS_EMPTY. */
function valueTest(value: unknown, test: Test, isText: boolean): boolean {
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
      const text = String(value);
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
