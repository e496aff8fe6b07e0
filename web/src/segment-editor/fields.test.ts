import { describe, expect, it } from 'vitest';
import { buildFields, indexFields, type Catalog, type CatalogField } from './fields';

const field = (id: string, scope: CatalogField['scope'] = null, operators: CatalogField['operators'] = ['EQ', 'IN']): CatalogField => ({
  id,
  name: id,
  label: id.toUpperCase(),
  scope,
  family: id.split('.')[0]!,
  valueType: 'STRING',
  searchable: false,
  personal: id.startsWith('contact.'),
  operators,
  operatorSlots: operators.map((operator) => ({ operator, slot: operator === 'IN' ? 'STRINGS' : 'STRING' })),
  values: null,
});

const labels = { related: 'family:related', operator: (o: string) => `op:${o}`, matchMode: (m: string) => `mode:${m}` };

/** Families and scopes as the API ships them (fieldFamilies, segmentScopes): in display order, labelled. */
const FAMILIES: Catalog['fieldFamilies'] = [
  { id: 'client', label: 'family:client', scope: null },
  { id: 'contact', label: 'family:contact', scope: null },
  { id: 'custom', label: 'family:custom', scope: null },
  { id: 'deal', label: 'family:deal', scope: 'DEALS' },
  { id: 'activity', label: 'family:activity', scope: 'ACTIVITIES' },
];
const SCOPES: Catalog['segmentScopes'] = [
  { scope: 'DEALS', label: 'scope:DEALS' },
  { scope: 'PURCHASES', label: 'scope:PURCHASES' },
  { scope: 'ACTIVITIES', label: 'scope:ACTIVITIES' },
];
const catalogOf = (segmentFields: CatalogField[]): Catalog => ({ segmentFields, fieldFamilies: FAMILIES, segmentScopes: SCOPES });

describe('builder fields from the catalog', () => {
  const catalog = [field('client.city'), field('deal.amount', 'DEALS', ['GT']), field('custom.contact.UF_X'), field('deal.stage', 'DEALS'), field('activity.type', 'ACTIVITIES')];
  const groups = buildFields(catalogOf(catalog), labels);

  it("groups member fields by the API's families, in its order, and offers one match-mode field per scope that has fields", () => {
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

  it('leaves out families without fields, and a scope without fields (PURCHASES here) has no match-mode field', () => {
    expect(groups.some((g) => g.label === 'family:contact')).toBe(false);
    expect(indexFields(groups).has('@PURCHASES')).toBe(false);
  });

  it('offers personal fields disabled to a viewer without crm:read (the API would refuse them), and enabled otherwise', () => {
    const withNames = [field('contact.firstName'), field('client.country')];
    const viewerFields = indexFields(buildFields(catalogOf(withNames), labels, { mayUsePersonal: false }));
    expect([viewerFields.get('contact.firstName')!.disabled, viewerFields.get('client.country')!.disabled]).toEqual([true, false]);
    const marketerFields = indexFields(buildFields(catalogOf(withNames), labels, { mayUsePersonal: true }));
    expect(marketerFields.get('contact.firstName')!.disabled).toBe(false);
  });
});
