import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { setUpFilterFixture } from '../../../../test/filter-setup';

/**
 * The builder groups fields by `fieldFamilies` and offers scoped groups from `segmentScopes`,
 * with the API's labels: the web keeps no list of families or scopes of its own.
 */
interface Shipped {
  segmentFields: Array<{ id: string; scope: string | null; family: string }>;
  fieldFamilies: Array<{ id: string; label: string; scope: string | null }>;
  segmentScopes: Array<{ scope: string; label: string }>;
}
const QUERY = `query($source: SegmentSource!, $locale: String) {
  segmentFields(source: $source, locale: $locale) { id scope family }
  fieldFamilies(source: $source, locale: $locale) { id label scope }
  segmentScopes(source: $source, locale: $locale) { scope label }
}`;

describe('field families and scopes, as the API ships them', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    await setUpFilterFixture(api);
  });
  afterAll(async () => api?.close());

  it('name a family for every field, in display order, each with fields and the scope of its fields', async () => {
    const shipped = await api.exec<Shipped>(QUERY, { source: 'CLIENTS', locale: 'en' });
    expect(shipped.fieldFamilies.map((f) => f.id)).toEqual(['client', 'contact', 'company', 'segment', 'custom', 'deal', 'purchase', 'order', 'activity']);
    const families = new Map(shipped.fieldFamilies.map((f) => [f.id, f]));
    for (const field of shipped.segmentFields) {
      const family = families.get(field.family);
      expect(family, field.id).toBeDefined();
      // custom.deal.* fields are in "custom" but describe a deal; the others share their family's scope.
      if (field.family !== 'custom') expect(field.scope, field.id).toBe(family!.scope);
    }
    for (const family of shipped.fieldFamilies)
      expect(
        shipped.segmentFields.some((f) => f.family === family.id),
        family.id,
      ).toBe(true);
    expect(families.get('custom.contact.UF_S'.split('.')[0]!)!.label).toBe('Custom fields');
    expect(shipped.segmentScopes).toEqual([
      { scope: 'DEALS', label: 'Deals' },
      { scope: 'PURCHASES', label: 'Purchases' },
      { scope: 'ORDERS', label: 'Orders' },
      { scope: 'ACTIVITIES', label: 'Activities' },
    ]);
  });

  it('offers a lead filter only what leads have, labelled in the locale', async () => {
    const shipped = await api.exec<Shipped>(QUERY, { source: 'LEADS', locale: 'ru' });
    expect(shipped.fieldFamilies.map((f) => [f.id, f.label])).toEqual([
      ['lead', 'Лид'],
      ['segment', 'Сегменты'],
      ['custom', 'Пользовательские поля'],
      ['activity', 'Любое дело'],
    ]);
    expect(shipped.segmentScopes).toEqual([{ scope: 'ACTIVITIES', label: 'Дела' }]);
  });
});
