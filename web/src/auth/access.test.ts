import { describe, expect, it } from 'vitest';
import type { Scope } from '@/graphql/gql/graphql';
import { homeRedirect, mayUse, visibleSections } from './access';

/** The scopes of each role, as the API gives them (api/src/auth/actor.ts ROLE_SCOPES). */
const ROLE: Record<'ADMIN' | 'MARKETER' | 'VIEWER', Scope[]> = {
  ADMIN: ['CRM_READ', 'CRM_WRITE', 'SEGMENTS_READ', 'SEGMENTS_WRITE', 'RECIPIENTS_READ', 'RECIPIENTS_WRITE', 'SETTINGS_WRITE', 'ADMIN'],
  MARKETER: ['CRM_READ', 'CRM_WRITE', 'SEGMENTS_READ', 'SEGMENTS_WRITE', 'RECIPIENTS_READ', 'RECIPIENTS_WRITE'],
  VIEWER: ['SEGMENTS_READ'],
};

const keys = (scopes: Scope[]) => visibleSections(scopes).map((s) => s.key);

describe('visibleSections', () => {
  it('shows an administrator everything', () => {
    expect(keys(ROLE.ADMIN)).toEqual(['dashboard', 'segments', 'stopList', 'referenceLists', 'pipelines', 'customFields', 'users', 'tokens', 'audit']);
  });

  it('shows a marketer the work sections, no administration', () => {
    expect(keys(ROLE.MARKETER)).toEqual(['dashboard', 'segments', 'stopList']);
  });

  it('shows a viewer only the segments', () => {
    expect(keys(ROLE.VIEWER)).toEqual(['segments']);
  });

  it('opens the settings pages to settings:write without admin, but not users and tokens', () => {
    expect(keys(['SEGMENTS_READ', 'SETTINGS_WRITE'])).toEqual(['segments', 'referenceLists', 'pipelines', 'customFields']);
  });
});

describe('mayUse', () => {
  it('needs one of the scopes', () => {
    expect(mayUse(['SEGMENTS_READ'], ['ADMIN', 'SEGMENTS_READ'])).toBe(true);
    expect(mayUse(['SEGMENTS_READ'], ['RECIPIENTS_READ'])).toBe(false);
  });

  it('asks nothing of a signed-in viewer when no scope is named', () => {
    expect(mayUse([], [])).toBe(true);
  });
});

describe('homeRedirect', () => {
  it('keeps those who may see the dashboard on it', () => {
    expect(homeRedirect(ROLE.ADMIN)).toBeNull();
    expect(homeRedirect(ROLE.MARKETER)).toBeNull();
  });

  it('sends a viewer to the segments', () => {
    expect(homeRedirect(ROLE.VIEWER)).toBe('/segments');
  });

  it('leaves someone with no section at all where they are', () => {
    expect(homeRedirect([])).toBeNull();
  });
});
