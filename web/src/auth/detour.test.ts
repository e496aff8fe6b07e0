import { describe, expect, it } from 'vitest';
import { detour } from './detour';

const admin = { status: 'signedIn' as const, passwordChangeRequired: false, scopes: ['CRM_READ', 'SEGMENTS_READ', 'ADMIN'] as const };

describe('detour', () => {
  it('sends a signed-out visitor (an expired session) to the login page with a full load', () => {
    expect(detour({ status: 'signedOut' }, '/segments/new', '/segments/new?template=choose')).toEqual({ href: '/login?next=%2Fsegments%2Fnew%3Ftemplate%3Dchoose', reload: true });
  });

  it('holds a one-time password holder on the password form', () => {
    expect(detour({ ...admin, passwordChangeRequired: true }, '/admin/users', '/admin/users')).toEqual({ href: '/account/password?next=%2Fadmin%2Fusers', reload: false });
    expect(detour({ ...admin, passwordChangeRequired: true }, '/account/password', '/account/password')).toBeNull();
  });

  it('takes a viewer from the dashboard to the segments, and leaves others where they are', () => {
    expect(detour({ status: 'signedIn', passwordChangeRequired: false, scopes: ['SEGMENTS_READ'] }, '/', '/')).toEqual({ href: '/segments', reload: false });
    expect(detour(admin, '/', '/')).toBeNull();
    expect(detour(admin, '/segments', '/segments')).toBeNull();
  });

  it('waits while the viewer is not known', () => {
    expect(detour({ status: 'loading' }, '/', '/')).toBeNull();
    expect(detour({ status: 'failed' }, '/', '/')).toBeNull();
  });
});
