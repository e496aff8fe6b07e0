import { describe, expect, it } from 'vitest';
import { Channel } from '../communication.enums';
import { normalizeAddress, normalizeEmail, normalizeHandle, normalizePhone } from '../normalize';
import { fold } from '../../filter/language/fold';

describe('address normalisation', () => {
  it.each([
    ['  Anna.Nowak@Example.COM ', 'anna.nowak@example.com'],
    ['IVAN@MAIL.RU', 'ivan@mail.ru'],
    ['josé@exemplo.com.br', 'josé@exemplo.com.br'],
  ])('e-mail %j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['not an email', 'a@b', '@example.com', 'anna@', ''])('rejects the e-mail %j', (raw) => {
    expect(normalizeEmail(raw).ok).toBe(false);
  });

  it.each([
    ['601 234 567', 'PL', '+48601234567'],
    ['+7 (912) 345-67-89', 'PL', '+79123456789'],
    ['8 912 345-67-89', 'RU', '+79123456789'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['0912 345 678', 'VN', '+84912345678'],
    ['+1 415-555-2671', 'RU', '+14155552671'],
  ])('phone %j in region %s → %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toEqual({ ok: true, value: expected });
  });

  // 16 digits: "possible" by the Korean and Japanese metadata, but past E.164's 15 (found by the attack tests).
  it.each([
    ['12', 'PL'],
    ['call me', 'US'],
    ['+999 123', 'US'],
    ['+820/090/000/000/000/0', 'PL'],
    ['00810-030-000-000-000-0', 'PL'],
  ])('rejects the phone %j (%s)', (raw, region) => {
    expect(normalizePhone(raw, region).ok).toBe(false);
  });

  // A national number must be *valid* in the region it is read in, not only possible: with US as
  // default these became +19161234567 and +11987654321 (found by the red team).
  it.each([
    ['916 123-45-67', 'US'],
    ['(11) 98765-4321', 'US'],
    ['123 456 7890', 'US'],
    ['999 123 456', 'PL'],
  ])('rejects the national number %j that is not valid in %s', (raw, region) => {
    const result = normalizePhone(raw, region);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not a valid phone number in/);
  });

  it('reads the same digits where they are valid, and keeps international numbers possible-only', () => {
    expect(normalizePhone('916 123-45-67', 'RU')).toEqual({ ok: true, value: '+79161234567' });
    expect(normalizePhone('(11) 98765-4321', 'BR')).toEqual({ ok: true, value: '+5511987654321' });
    // Written with its country code, the writer chose the country: not second-guessed.
    expect(normalizePhone('+1 916 123 4567', 'RU')).toEqual({ ok: true, value: '+19161234567' });
  });

  it('folds messenger handles and drops a leading @', () => {
    expect(normalizeHandle('  @AnnaN ')).toEqual({ ok: true, value: 'annan' });
    expect(normalizeHandle('@').ok).toBe(false);
    expect(normalizeAddress(Channel.IM, 'Straße', 'US')).toEqual({ ok: true, value: 'strasse' });
  });
});

describe('Unicode case folding', () => {
  it.each([
    ['ŁÓDŹ', 'łódź'],
    ['МОСКВА', 'москва'],
    ['Straße', 'strasse'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Nguyễn', 'nguyễn'],
    ['Nguye\u0302\u0303n', 'nguyễn'],
    ['SÃO PAULO', 'são paulo'],
  ])('%j folds to %j', (raw, folded) => {
    expect(fold(raw)).toBe(folded);
  });

  it('makes differently-cased spellings equal', () => {
    expect(fold('GDAŃSK')).toBe(fold('gdańsk'));
    expect(fold('Ёлка')).toBe(fold('ёЛКА'));
  });
});
