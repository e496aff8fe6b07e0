import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { MESSAGES_BY_NAMESPACE, messagesFor } from './messages';
import type { MessageTree } from './define-messages';

/** Every leaf key path of a message tree, e.g. "list.empty". */
function keyPaths(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));
}

describe('UI messages', () => {
  for (const [namespace, byLocale] of Object.entries(MESSAGES_BY_NAMESPACE)) {
    const reference = keyPaths(byLocale.en).sort();
    for (const locale of LOCALES) {
      it(`${namespace}: ${locale} has exactly the English keys, none empty`, () => {
        const tree = byLocale[locale] as MessageTree;
        expect(keyPaths(tree).sort()).toEqual(reference);
        const leaves = keyPaths(tree).map((path) => path.split('.').reduce<MessageTree | string>((node, key) => (node as MessageTree)[key]!, tree));
        expect(leaves.filter((text) => typeof text !== 'string' || text.trim() === '')).toEqual([]);
      });
    }
  }

  it('a non-English language is really translated (not a copy of English)', () => {
    const en = JSON.stringify(messagesFor('en'));
    for (const locale of LOCALES.filter((l) => l !== 'en')) expect(JSON.stringify(messagesFor(locale))).not.toBe(en);
  });
});
