import { describe, expect, it } from 'vitest';
import { buildFields, familyOf, indexFields, type CatalogField } from './fields';

const field = (id: string, scope: CatalogField['scope'] = null, operators: CatalogField['operators'] = ['EQ', 'IN']): CatalogField => ({
  id,
  name: id,
  label: id.toUpperCase(),
  scope,
  valueType: 'STRING',
  searchable: false,
  personal: id.startsWith('contact.'),
  operators,
  operatorSlots: operators.map((operator) => ({ operator, slot: operator === 'IN' ? 'STRINGS' : 'STRING' })),
  values: null,
});

const labels = { family: (f: string) => `family:${f}`, scope: (s: string) => `scope:${s}`, operator: (o: string) => `op:${o}`, matchMode: (m: string) => `mode:${m}` };

describe('builder fields from the catalog', () => {
  const catalog = [field('client.city'), field('deal.amount', 'DEALS', ['GT']), field('custom.contact.UF_X'), field('deal.stage', 'DEALS'), field('activity.type', 'ACTIVITIES')];
  const groups = buildFields(catalog, labels);

  it('groups member fields by family and offers one match-mode field per scope present', () => {
    expect(groups.map((g) => g.label)).toEqual(['family:client', 'family:custom', 'family:related', 'family:deal', 'family:activity']);
    const related = groups.find((g) => g.label === 'family:related')!.options;
    expect(related.map((f) => [f.name, f.label])).toEqual([
      ['@DEALS', 'scope:DEALS'],
      ['@ACTIVITIES', 'scope:ACTIVITIES'],
    ]);
    expect((related[0]!.matchModes as Array<{ name: string; label: string }>).map((m) => m.label)).toEqual(['mode:some', 'mode:none', 'mode:all', 'mode:atLeast', 'mode:atMost', 'mode:exactly']);
    expect((related[0]!.subproperties as Array<{ name: string }>).map((f) => f.name)).toEqual(['deal.amount', 'deal.stage']);
  });

  it('keeps the catalog operators, translated, with the first as default', () => {
    const amount = indexFields(groups).get('deal.amount')!;
    expect(amount.operators).toEqual([{ name: 'GT', value: 'GT', label: 'op:GT' }]);
    expect(amount.defaultOperator).toBe('GT');
    expect(amount.catalog?.id).toBe('deal.amount');
  });

  it('knows families', () => {
    expect(familyOf('custom.deal.UF_A')).toBe('custom');
    expect(familyOf('weird')).toBe('client');
  });

  it('offers personal fields disabled to a viewer without crm:read (the API would refuse them), and enabled otherwise', () => {
    const withNames = [field('contact.firstName'), field('client.country')];
    const viewerFields = indexFields(buildFields(withNames, labels, { mayUsePersonal: false }));
    expect([viewerFields.get('contact.firstName')!.disabled, viewerFields.get('client.country')!.disabled]).toEqual([true, false]);
    const marketerFields = indexFields(buildFields(withNames, labels, { mayUsePersonal: true }));
    expect(marketerFields.get('contact.firstName')!.disabled).toBe(false);
  });
});
