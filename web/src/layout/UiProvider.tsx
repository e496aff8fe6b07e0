'use client';

import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import 'dayjs/locale/pl';
import 'dayjs/locale/pt';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  defaultRadius: 'md',
});

/** Mantine (components, date pickers in the UI language; weeks start on Monday outside English). */
export function UiProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'en' ? 0 : 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}
