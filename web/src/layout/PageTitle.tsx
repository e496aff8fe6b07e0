'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { Messages } from '@/i18n/messages';

/** The page's heading: `<namespace>.title` in the UI language, with optional actions on the right. */
export function PageTitle({ namespace, children }: { namespace: keyof Messages; children?: ReactNode }) {
  const t = useTranslations(namespace as 'app');
  return (
    <div className="page-heading">
      <h1 className="page-title">{t('title' as 'brand')}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
