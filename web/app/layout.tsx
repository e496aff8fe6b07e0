import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/graphql/Providers';
import { AppHeader } from '@/layout/AppHeader';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Segmenta', template: '%s · Segmenta' },
  description: 'CRM segmentation: build segments of contacts, companies, leads and deals.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppHeader />
          <main className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
