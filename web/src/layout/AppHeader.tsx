'use client';

import { Menu, UnstyledButton } from '@mantine/core';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { visibleSections, type Section } from '@/auth/access';
import { UserMenu } from '@/auth/UserMenu';
import { useViewer } from '@/auth/ViewerProvider';
import { LanguageSwitcher } from '@/i18n/LanguageSwitcher';

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

function ChevronDown() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

/**
 * The app frame's header: the sections the signed-in viewer may use (settings and people under
 * "Administration"), the language, and the user's menu. Signed out (the login page) only the
 * brand and the language show.
 */
export function AppHeader() {
  const t = useTranslations('app');
  const pathname = usePathname() ?? '/';
  const { viewer } = useViewer();
  const sections = viewer ? visibleSections(viewer.scopes) : [];
  const main = sections.filter((s) => !s.admin);
  const admin = sections.filter((s) => s.admin);
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        {t('brand')}
      </Link>
      {viewer && (
        <nav aria-label={t('mainNav')}>
          <ul className="nav">
            {main.map(({ key, href }) => (
              <li key={key}>
                <Link href={href} className="nav-link" aria-current={isActive(pathname, href) ? 'page' : undefined} data-testid={`nav-${key}`}>
                  {t(`nav.${key}`)}
                </Link>
              </li>
            ))}
            {admin.length > 0 && (
              <li>
                <AdminMenu sections={admin} pathname={pathname} />
              </li>
            )}
          </ul>
        </nav>
      )}
      <div className="app-header-end">
        <LanguageSwitcher />
        {viewer && <UserMenu viewer={viewer} />}
      </div>
    </header>
  );
}

/** Settings and people: pages few people open, in one menu so the header fits a laptop in every language. */
function AdminMenu({ sections, pathname }: { sections: Section[]; pathname: string }) {
  const t = useTranslations('app');
  const current = sections.some((s) => isActive(pathname, s.href));
  return (
    <Menu position="bottom-start" shadow="md" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton className="nav-link nav-menu-button" data-active={current || undefined} data-testid="nav-admin">
          {t('nav.admin')} <ChevronDown />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {sections.map(({ key, href }) => (
          <Menu.Item key={key} component={Link} href={href} aria-current={isActive(pathname, href) ? 'page' : undefined} data-testid={`nav-${key}`}>
            {t(`nav.${key}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
