'use client';

import { Button } from '@mantine/core';
import { useTranslations } from 'use-intl';

/** Last-resort boundary for rendering errors (query errors are handled where the data is shown). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('app');
  return (
    <div role="alert" className="panel">
      <h1 className="page-title">{t('errorPage.title')}</h1>
      <p>{t('errorPage.text')}</p>
      <Button onClick={reset}>{t('common.retry')}</Button>
    </div>
  );
}
