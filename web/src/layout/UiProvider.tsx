'use client';

import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/ru';
import 'dayjs/locale/pl';
import 'dayjs/locale/pt';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';

// Date inputs show days in the language's own format (`valueFormat="ll"`: "Nov 22, 2026", "22 нояб. 2026 г.").
dayjs.extend(localizedFormat);

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
