import type { Metadata } from 'next';
import { messagesFor, type Messages } from './messages';
import { requestLocale } from './server';

/** `generateMetadata` for a page whose browser title is `<namespace>.title` in the request's language. */
export function titleMetadata(namespace: keyof Messages): () => Promise<Metadata> {
  return async () => {
    const messages = messagesFor(await requestLocale())[namespace] as unknown as Record<string, unknown>;
    const title = messages.title;
    return typeof title === 'string' ? { title } : {};
  };
}
