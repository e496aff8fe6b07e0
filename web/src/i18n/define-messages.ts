import type { Locale } from './locales';

/** A message tree: ICU strings (`{count, plural, one {# row} other {# rows}}`), nested by topic. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/**
 * One namespace's messages in every language. English fixes the shape; the others must have the
 * same keys (checked by the type here and, for nested trees, by messages.test.ts).
 */
export function defineMessages<T extends MessageTree>(messages: { en: T } & Record<Exclude<Locale, 'en'>, { [K in keyof T]: T[K] extends string ? string : MessageTree }>): Record<Locale, T> {
  return messages as Record<Locale, T>;
}
