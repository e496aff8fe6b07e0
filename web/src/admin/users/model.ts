import type { UserRole } from '@/graphql/gql/graphql';

/** Roles in order of reach, for pickers. */
export const ROLES: readonly UserRole[] = ['ADMIN', 'MARKETER', 'VIEWER'];

export const PAGE_SIZE = 50;

/** Who an administrator may not lock out from this page: themselves (another admin can). */
export function isSelf(userId: string, viewerId: string | undefined): boolean {
  return viewerId !== undefined && userId === viewerId;
}
