import type { Scope } from '@/graphql/gql/graphql';

/**
 * What the web app shows to whom. The API is the authority (every operation checks its scope);
 * these rules only keep the UI from offering what would be refused. `anyOf`: one of these scopes
 * is enough, as with the API's guards.
 */
export interface Section {
  key: SectionKey;
  href: string;
  anyOf: readonly Scope[];
  /** Grouped under "Administration" in the header. */
  admin: boolean;
}

export type SectionKey = 'dashboard' | 'segments' | 'stopList' | 'referenceLists' | 'pipelines' | 'customFields' | 'users' | 'tokens' | 'audit';

const SETTINGS: readonly Scope[] = ['ADMIN', 'SETTINGS_WRITE'];

/** Every section, in menu order. */
export const SECTIONS: readonly Section[] = [
  // The dashboard counts CRM records.
  { key: 'dashboard', href: '/', anyOf: ['CRM_READ'], admin: false },
  { key: 'segments', href: '/segments', anyOf: ['SEGMENTS_READ'], admin: false },
  { key: 'stopList', href: '/admin/stop-list', anyOf: ['RECIPIENTS_READ'], admin: false },
  { key: 'referenceLists', href: '/admin/reference-lists', anyOf: SETTINGS, admin: true },
  { key: 'pipelines', href: '/admin/pipelines', anyOf: SETTINGS, admin: true },
  { key: 'customFields', href: '/admin/custom-fields', anyOf: SETTINGS, admin: true },
  { key: 'users', href: '/admin/users', anyOf: ['ADMIN'], admin: true },
  { key: 'tokens', href: '/admin/tokens', anyOf: ['ADMIN'], admin: true },
  { key: 'audit', href: '/admin/audit', anyOf: ['ADMIN'], admin: true },
];

export function section(key: SectionKey): Section {
  return SECTIONS.find((s) => s.key === key)!;
}

/** True when `scopes` hold at least one of `anyOf` (an empty `anyOf` only needs a signed-in viewer). */
export function mayUse(scopes: readonly Scope[], anyOf: readonly Scope[]): boolean {
  return anyOf.length === 0 || anyOf.some((scope) => scopes.includes(scope));
}

/** The sections a viewer may open, in menu order. */
export function visibleSections(scopes: readonly Scope[]): Section[] {
  return SECTIONS.filter((s) => mayUse(scopes, s.anyOf));
}

/** Where a viewer lands who may not see the dashboard (a VIEWER: the segments list); null = stay. */
export function homeRedirect(scopes: readonly Scope[]): string | null {
  if (mayUse(scopes, section('dashboard').anyOf)) return null;
  const first = visibleSections(scopes)[0];
  return first ? first.href : null;
}
