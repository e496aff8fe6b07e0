import { describe, expect, it } from 'vitest';
import { isListType, optionInputs } from './model';

describe('custom field options from labels', () => {
  it('derives unique codes and skips blank labels', () => {
    expect(optionInputs(['Gold', ' ', 'Gold ', 'Złoty'])).toEqual([
      { code: 'GOLD', label: 'Gold' },
      { code: 'GOLD_2', label: 'Gold' },
      { code: 'ZLOTY', label: 'Złoty' },
    ]);
  });

  it('avoids the codes a field already has', () => {
    expect(optionInputs(['Silver'], ['SILVER'])).toEqual([{ code: 'SILVER_2', label: 'Silver' }]);
  });

  it('knows which types have options', () => {
    expect(isListType('LIST')).toBe(true);
    expect(isListType('MULTI_LIST')).toBe(true);
    expect(isListType('STRING')).toBe(false);
  });
});
