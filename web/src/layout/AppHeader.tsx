'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { LanguageSwitcher } from '@/i18n/LanguageSwitcher';

/** Sections of the app, in the order of the main menu (a section joins when its page exists). */
const NAV_ITEMS = [
  { key: 'dashboard', href: '/' },
  { key: 'segments', href: '/segments' },
  { key: 'stopList', href: '/admin/stop-list' },
  { key: 'referenceLists', href: '/admin/reference-lists' },
  { key: 'pipelines', href: '/admin/pipelines' },
  { key: 'customFields', href: '/admin/custom-fields' },
  { key: 'audit', href: '/admin/audit' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppHeader() {
  const t = useTranslations('app');
  const pathname = usePathname() ?? '/';
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        {t('brand')}
      </Link>
      <nav aria-label={t('mainNav')}>
        <ul className="nav">
          {NAV_ITEMS.map(({ key, href }) => (
            <li key={key}>
              <Link href={href} className="nav-link" aria-current={isActive(pathname, href) ? 'page' : undefined} data-testid={`nav-${key}`}>
                {t(`nav.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-header-end">
        <LanguageSwitcher />
      </div>
    </header>
  );
}
