import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { setUpFilterFixture } from '../../../../test/filter-setup';

/**
 * `segmentFields` ships, with each operator of each field, the FilterValueInput slot its value
 * goes in; the web's value editors fill exactly that slot (web value-kind.ts). Proof that it is
 * the validator's own slot: a rule with a value in the shipped slot passes `checkFilter`, for
 * every field and operator of both sources.
 */
const SAMPLE: Record<string, unknown> = {
  string: 'Kraków',
  number: 3,
  numberRange: { min: 1, max: 5 },
  date: '2026-01-15',
  dateRange: { from: '2026-01-01', to: '2026-01-31' },
  relative: { amount: 30, unit: 'DAY' },
  boolean: true,
};
/** GraphQL's name of a slot → the FilterValueInput field (NUMBER_RANGE → numberRange). */
const inputField = (slot: string) => slot.toLowerCase().replace(/_(.)/g, (_, c: string) => c.toUpperCase());

interface ShippedField {
  id: string;
  scope: string | null;
  operators: string[];
  operatorSlots: Array<{ operator: string; slot: string | null }>;
  values: Array<{ value: string }> | null;
}

describe('the value slot of each operator, as segmentFields ships it', () => {
  let api: TestApi;
  let listed: Map<string, string[]>;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    ({ listed } = await setUpFilterFixture(api));
  });
  afterAll(async () => api?.close());

  it.each(['CLIENTS', 'LEADS'])('is the slot the validator takes, for every field and operator of %s', async (source) => {
    const { segmentFields } = await api.exec<{ segmentFields: ShippedField[] }>(
      'query($source: SegmentSource!) { segmentFields(source: $source) { id scope operators operatorSlots { operator slot } values { value } } }',
      { source },
    );
    let checked = 0;
    for (const field of segmentFields) {
      expect(
        field.operatorSlots.map((entry) => entry.operator),
        field.id,
      ).toEqual(field.operators);
      if (field.id === 'segment.membership' || field.id === 'deal.stage') continue; // need a saved segment / a pipeline rule beside
      for (const { operator, slot } of field.operatorSlots) {
        const values = listed.get(field.id) ?? ['Kraków'];
        const value = slot === null ? null : { [inputField(slot)]: SAMPLE[inputField(slot)] ?? values.slice(0, 1) };
        const rule = { rule: { field: field.id, operator, value } };
        const filter = field.scope ? { combinator: 'AND', rules: [{ group: { combinator: 'AND', scope: field.scope, quantifier: 'SOME', rules: [rule] } }] } : { combinator: 'AND', rules: [rule] };
        const { checkFilter } = await api.exec<{ checkFilter: { problems: Array<{ code: string; message: string }> } }>(
          'query($source: SegmentSource!, $filter: FilterGroupInput!) { checkFilter(source: $source, filter: $filter) { problems { code message } } }',
          { source, filter },
        );
        expect(checkFilter.problems, `${field.id} ${operator} in ${slot}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(source === 'CLIENTS' ? 150 : 40);
  });
});
