import { describe, expect, it } from 'vitest';
import { sameOriginUrl } from './navigate';

describe('sameOriginUrl', () => {
  it('turns a path of the site into its absolute URL', () => {
    expect(sameOriginUrl('/segments?tag=vip#x', 'https://app.example')).toBe('https://app.example/segments?tag=vip#x');
  });

  it.each(['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '\t//evil.example'])('goes home instead of leaving for %s', (href) => {
    expect(sameOriginUrl(href, 'https://app.example')).toBe('https://app.example/');
  });
});
