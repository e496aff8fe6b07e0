import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import 'react-querybuilder/dist/query-builder.css';
import './globals.css';
import { ColorSchemeScript, mantineHtmlProps } from '@mantine/core';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { ViewerGate } from '@/auth/ViewerGate';
import { ViewerProvider } from '@/auth/ViewerProvider';
import { Providers } from '@/graphql/Providers';
import { I18nProvider } from '@/i18n/I18nProvider';
import { requestLocale } from '@/i18n/server';
import { AppHeader } from '@/layout/AppHeader';
import { UiProvider } from '@/layout/UiProvider';

export const metadata: Metadata = {
  title: { default: 'Segmenta', template: '%s · Segmenta' },
  description: 'CRM segmentation: build segments of contacts, companies, leads and deals.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  // Set by proxy.ts: Mantine's inline colour-scheme script runs under the page's CSP only with it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <UiProvider locale={locale}>
            <Providers>
              <ViewerProvider>
                <AppHeader />
                <main className="page">
                  <ViewerGate>{children}</ViewerGate>
                </main>
              </ViewerProvider>
            </Providers>
          </UiProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
