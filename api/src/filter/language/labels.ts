/** The languages of the UI and of field labels. */
export const LOCALES = ['en', 'ru', 'pl', 'pt', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export type Label = Record<Locale, string>;

/** A label in every UI language, in the order of LOCALES. */
export function label(en: string, ru: string, pl: string, pt: string, vi: string): Label {
  return { en, ru, pl, pt, vi };
}

export function pickLocale(requested: string | null | undefined): Locale {
  const base = (requested ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}
