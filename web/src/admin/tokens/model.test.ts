import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlExample, earliestExpiryDay, expiryFromDay, scopeCode, TOKEN_SCOPES } from './model';

describe('tokens model', () => {
  it('offers every scope but administration', () => {
    expect(TOKEN_SCOPES).not.toContain('ADMIN');
    expect(TOKEN_SCOPES).toHaveLength(7);
  });

  it('writes scopes the way the docs name them', () => {
    expect(TOKEN_SCOPES.map(scopeCode)).toEqual(['crm:read', 'crm:write', 'segments:read', 'segments:write', 'recipients:read', 'recipients:write', 'settings:write']);
  });

  it('lets a token work until the end of the day picked', () => {
    const end = expiryFromDay(new Date(2027, 0, 31));
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2027, 1, 1, 0]);
    expect(earliestExpiryDay(new Date(2027, 5, 3, 15, 30)).getTime()).toBe(new Date(2027, 5, 3).getTime());
  });

  it('gives a curl command a shell reads back as the intended request', () => {
    const command = curlExample('https://segmenta.example/', "sgt_abc'def");
    expect(command).toContain('https://segmenta.example/graphql');
    // The shell's own reading of the quoted arguments: the header and the JSON body arrive intact.
    const args = execFileSync('bash', ['-c', `set -- ${command.replace(/^curl -s /, '').replace(/\\\n/g, ' ')}; printf '%s\\n' "$@"`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(args).toEqual([
      'https://segmenta.example/graphql',
      '-H',
      "Authorization: Bearer sgt_abc'def",
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ query: '{ me { role scopes token { name expiresAt } } }' }),
    ]);
  });
});
