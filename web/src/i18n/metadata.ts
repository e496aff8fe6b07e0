import type { Metadata } from 'next';
import { messagesFor, type Messages } from './messages';
import { requestLocale } from './server';

/**
 * `generateMetadata` for a page whose browser title is `<namespace>.title` (or `<namespace>.<key>`,
 * e.g. `password.title`) in the request's language.
 */
export function titleMetadata(namespace: keyof Messages, key = 'title'): () => Promise<Metadata> {
  return async () => {
    const messages = messagesFor(await requestLocale())[namespace] as unknown as Record<string, unknown>;
    const title = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
    return typeof title === 'string' ? { title } : {};
  };
}
