import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('prefers a supported cookie', () => {
    expect(negotiateLocale('pl', 'ru-RU,ru;q=0.9')).toBe('pl');
  });
  it('ignores an unsupported cookie and reads Accept-Language by weight', () => {
    expect(negotiateLocale('de', 'de-DE;q=1, vi;q=0.5, pt-BR;q=0.8')).toBe('pt');
  });
  it('falls back to English', () => {
    expect(negotiateLocale(undefined, 'de-DE,fr;q=0.9')).toBe('en');
    expect(negotiateLocale(undefined, undefined)).toBe('en');
    expect(negotiateLocale(undefined, 'ru;q=0')).toBe('en');
  });
});
