'use client';

import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import { messagesFor } from './messages';
import type { Locale } from './locales';

/**
 * Messages and formats for client components (`useTranslations`, `useFormatter`). Dates show in the
 * browser's zone; the server renders no dates (data loads in the browser), so both sides agree.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messagesFor(locale)} timeZone={browserTimeZone()} onError={reportMissingMessage}>
      {children}
    </IntlProvider>
  );
}

function browserTimeZone(): string | undefined {
  return typeof window === 'undefined' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function reportMissingMessage(error: Error): void {
  // A missing key shows its path in the UI; log it in the console too, where the e2e suite sees it.
  console.error(error.message);
}
