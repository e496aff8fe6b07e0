import { describe, expect, it } from 'vitest';
import type { OwnerPath } from '../../filter/model/model';
import { crmModel } from '../crm-model';

/**
 * Maintained membership re-evaluates the members a write touches, as the domains registered it:
 * a table the filter reads that no registration says anything about would be a change nobody
 * re-evaluates. These checks derive what must be registered from the rest of the model.
 */
const touches = (table: string, member: string): OwnerPath[] => crmModel.writes.filter((w) => w.table === table).flatMap((w) => w.members[member] ?? []);
const plainTable = /^[a-z_]+$/;

describe('which members a write touches (the registrations)', () => {
  it('a write to a member row touches that member', () => {
    for (const [member, def] of Object.entries(crmModel.members)) {
      expect(touches(def.table, member), member).toContainEqual({ kind: 'column', column: 'id' });
    }
  });

  it('a write to a row a member reaches through a foreign key touches the members that name it', () => {
    for (const [member, def] of Object.entries(crmModel.members)) {
      for (const reach of Object.values(def.reaches)) {
        if (reach.kind !== 'via') continue;
        expect(touches(reach.table, member), `${member} via ${reach.column}`).toContainEqual({ kind: 'referrers', column: reach.column });
      }
    }
  });

  it('a write to a scope table touches its owner of every member type that has the scope', () => {
    for (const [name, scope] of Object.entries(crmModel.scopes)) {
      if (!plainTable.test(scope.from)) continue;
      for (const [member, owner] of Object.entries(scope.owner)) {
        expect(touches(scope.from, member), `${name} of ${member}`).toContainEqual({ kind: 'column', column: owner });
      }
    }
  });

  it('every table a derived scope reads is written somewhere the registrations cover, for each owner', () => {
    for (const [name, scope] of Object.entries(crmModel.scopes)) {
      if (plainTable.test(scope.from)) continue;
      const tables = [...scope.from.matchAll(/(?:FROM|JOIN)\s+([a-z_]+)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
      expect(tables.length, name).toBeGreaterThan(0);
      for (const table of tables) {
        for (const member of Object.keys(scope.owner)) expect(touches(table, member).length, `${name}: ${table} → ${member}`).toBeGreaterThan(0);
      }
    }
  });
});
