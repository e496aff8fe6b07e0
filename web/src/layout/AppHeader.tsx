import Link from 'next/link';

/** Sections of the app; those without a page yet are shown as placeholders. */
const NAV_ITEMS: ReadonlyArray<{ label: string; href?: string }> = [
  { label: 'Dashboard', href: '/' },
  { label: 'Segments' },
  { label: 'Data' },
  { label: 'Settings' },
];

export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        Segmenta
      </Link>
      <nav aria-label="Main">
        <ul className="nav">
          {NAV_ITEMS.map(({ label, href }) => (
            <li key={label}>
              {href ? (
                <Link href={href} className="nav-link">
                  {label}
                </Link>
              ) : (
                <span className="nav-link nav-link-disabled" aria-disabled="true" title="Coming soon">
                  {label}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
