/** The UI language until i18n (en, ru, pl, pt, vi) arrives. */
export const DEFAULT_LOCALE = 'en';

const countFormats = new Map<string, Intl.NumberFormat>();

function countFormat(locale: string): Intl.NumberFormat {
  let format = countFormats.get(locale);
  if (!format) {
    let resolved: string;
    try {
      resolved = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? DEFAULT_LOCALE;
    } catch {
      // A malformed tag (RangeError) falls back rather than breaking the page.
      resolved = DEFAULT_LOCALE;
    }
    format = new Intl.NumberFormat(resolved, { maximumFractionDigits: 0 });
    countFormats.set(locale, format);
  }
  return format;
}

/**
 * A record count with the locale's digit grouping: 1234567 -> "1,234,567" (en), "1 234 567" (ru,
 * pl: narrow no-break spaces), "1.234.567" (pt, vi). Counts are whole numbers; anything that is not
 * a finite number renders as an em dash.
 */
export function formatCount(value: number | null | undefined, locale: string = DEFAULT_LOCALE): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return countFormat(locale).format(Math.trunc(value));
}

/** A count as the API reports it (LiveCount, RecipientCount): exact, or withheld as "fewer than k". */
export interface ReportedCount {
  value?: number | null;
  fewerThan?: number | null;
}

/**
 * The text of a reported count: the number, or `fewerThan(k)` (the UI's "fewer than {count}",
 * given k already formatted) when the API withheld a small count, or a dash when there is none.
 */
export function formatReportedCount(count: ReportedCount | null | undefined, locale: string, fewerThan: (k: string) => string): string {
  if ((count?.value === null || count?.value === undefined) && typeof count?.fewerThan === 'number') return fewerThan(formatCount(count.fewerThan, locale));
  return formatCount(count?.value, locale);
}

/** A stable attribute for tests and styles: "12", "<10", or "" for no count. */
export function reportedCountAttribute(count: ReportedCount | null | undefined): string {
  if (typeof count?.value === 'number') return String(count.value);
  return typeof count?.fewerThan === 'number' ? `<${count.fewerThan}` : '';
}
