import type { IrNode } from './ir';
import { memberTable, reach, scopeDef, type FilterModel } from './model';

/**
 * What a resolved tree reads for members of one type: the tables whose writes may change a
 * member's answer (maintained membership re-evaluates a segment only for writes to these), and
 * the values of membership rules (other segments: the caller adds what those read).
 */
export interface TreeReads {
  tables: Set<string>;
  segments: Set<string | number>;
}

export function tablesRead(model: FilterModel, ir: IrNode, member: string, into: TreeReads = { tables: new Set(), segments: new Set() }): TreeReads {
  into.tables.add(memberTable(model, member));
  walk(model, ir, member, null, into);
  return into;
}

function walk(model: FilterModel, node: IrNode, member: string, scope: string | null, into: TreeReads): void {
  if (node.type === 'group') {
    if (node.scope) {
      const def = scopeDef(model, node.scope);
      for (const table of def.reads ?? [def.from]) into.tables.add(table);
    }
    for (const child of node.children) walk(model, child, member, node.scope ?? scope, into);
    return;
  }
  const access = node.field.access;
  if (access.kind === 'membership') {
    if (node.test.kind === 'in') for (const value of node.test.values) into.segments.add(value);
    return;
  }
  if (access.kind === 'memberType') return;
  // A field of the scope's own records is on the scope's rows; any other is reached from the member.
  const onScopeRows = scope !== null && scopeDef(model, scope).subject === access.subject;
  if (!onScopeRows) {
    const way = reach(model, member, access.subject);
    if (way.kind === 'via') into.tables.add(way.table);
  }
  if (access.kind === 'derived') for (const table of access.reads) into.tables.add(table);
}
