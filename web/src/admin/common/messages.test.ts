import { describe, expect, it } from 'vitest';
import type { MessageTree } from '@/i18n/define-messages';
import { LOCALES } from '@/i18n/locales';
import { customFieldsMessages } from '../custom-fields/messages';
import { pipelinesMessages } from '../pipelines/messages';
import { referenceListsMessages } from '../reference-lists/messages';
import { stopListMessages } from '../stop-list/messages';
import { adminMessages } from './messages';

const NAMESPACES = { admin: adminMessages, stopList: stopListMessages, referenceLists: referenceListsMessages, pipelines: pipelinesMessages, customFields: customFieldsMessages };

function leaves(tree: MessageTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** The arguments a message reads: `{name}`, `{count, plural, …}`. */
const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('admin messages', () => {
  for (const [namespace, byLocale] of Object.entries(NAMESPACES)) {
    const english = new Map(leaves(byLocale.en));
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      it(`${namespace}: ${locale} reads the same arguments as English`, () => {
        const mismatched = leaves(byLocale[locale] as MessageTree)
          .filter(([key, message]) => argumentsOf(message).join() !== argumentsOf(english.get(key) ?? '').join())
          .map(([key]) => key);
        expect(mismatched).toEqual([]);
      });
    }
  }
});
