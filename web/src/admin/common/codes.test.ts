import { describe, expect, it } from 'vitest';
import { codeFromLabel, fieldCodeFromLabel, uniqueCode } from './codes';

describe('codes from labels', () => {
  it.each([
    ['Trade show', 'TRADE_SHOW'],
    ['  Réseaux sociaux!  ', 'RESEAUX_SOCIAUX'],
    ['Выставка', 'VYSTAVKA'],
    ['Łódź & Kraków', 'LODZ_KRAKOW'],
    ['Hội chợ thương mại', 'HOI_CHO_THUONG_MAI'],
    ['Đối tác', 'DOI_TAC'],
    ['Indicação 2024', 'INDICACAO_2024'],
    ['中文', 'VALUE'],
    ['', 'VALUE'],
  ])('%j -> %s', (label, code) => {
    expect(codeFromLabel(label)).toBe(code);
  });

  it('stays within the length and never ends with _', () => {
    const code = codeFromLabel('a'.repeat(39) + ' b', 40);
    expect(code).toBe('A'.repeat(39));
  });

  it('adds a number when the code is taken', () => {
    expect(uniqueCode('WEB', ['CALL'])).toBe('WEB');
    expect(uniqueCode('WEB', ['WEB', 'WEB_2'])).toBe('WEB_3');
    expect(uniqueCode('ABCDEF', ['ABCDEF'], 6)).toBe('ABCD_2');
  });

  it('makes custom field codes the API accepts', () => {
    const code = fieldCodeFromLabel('Член клуба с', ['UF_CHLEN_KLUBA_S']);
    expect(code).toBe('UF_CHLEN_KLUBA_S_2');
    expect(code).toMatch(/^UF_[A-Z0-9_]{1,61}$/);
    expect(fieldCodeFromLabel('!!!', [])).toBe('UF_FIELD');
  });
});
