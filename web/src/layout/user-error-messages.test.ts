import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import { userErrorMessages } from './user-error-messages';

/** The UserErrorCode values of the committed schema: the codes the API can answer with. */
function schemaUserErrorCodes(): string[] {
  const sdl = readFileSync(fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url)), 'utf8');
  const body = /enum UserErrorCode \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

describe('user error messages', () => {
  const codes = schemaUserErrorCodes();

  it('finds the codes in the schema', () => {
    expect(codes).toContain('SIGN_IN_FAILED');
    expect(codes.length).toBeGreaterThan(20);
  });

  it.each([...LOCALES])('%s has words for every code the API can answer with', (locale) => {
    const messages = userErrorMessages[locale] as Record<string, string>;
    expect(codes.filter((code) => !messages[code])).toEqual([]);
  });
});
