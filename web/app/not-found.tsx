'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';

export default function NotFound() {
  const t = useTranslations('app.notFound');
  return (
    <div className="panel">
      <h1 className="page-title">{t('title')}</h1>
      <p>
        {t('text')} <Link href="/">{t('back')}</Link>
      </p>
    </div>
  );
}
