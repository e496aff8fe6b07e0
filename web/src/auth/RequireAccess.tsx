'use client';

import type { ReactNode } from 'react';
import type { Scope } from '@/graphql/gql/graphql';
import { mayUse, section, type SectionKey } from './access';
import { NoAccess } from './NoAccess';
import { useScopes } from './ViewerProvider';

/**
 * The page for those whose scopes allow it (route files wrap their page in it), the "no access"
 * state for everyone else; e.g. a marketer typing /admin/users, or a viewer /segments/new.
 */
export function RequireScope({ anyOf, children }: { anyOf: readonly Scope[]; children: ReactNode }) {
  return mayUse(useScopes(), anyOf) ? <>{children}</> : <NoAccess />;
}

/** RequireScope with the scopes of a section of the menu (src/auth/access.ts). */
export function RequireSection({ section: key, children }: { section: SectionKey; children: ReactNode }) {
  return <RequireScope anyOf={section(key).anyOf}>{children}</RequireScope>;
}
