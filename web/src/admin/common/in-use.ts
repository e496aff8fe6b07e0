import type { UserErrorLike } from '@/layout/useUserErrorText';

/** A mutation error with what the admin pages read from IN_USE. */
export interface AdminUserError extends UserErrorLike {
  segments?: ReadonlyArray<{ id: string; name: string }> | null;
}

/**
 * Why a delete was refused, in the terms the page explains it: saved segments name the value
 * (they must be edited; a replacement does not rewrite them), records use it (a replacement can
 * take over), or some other reason the API's words describe.
 */
export type InUse = { kind: 'segments'; segments: ReadonlyArray<{ id: string; name: string }>; total: number } | { kind: 'records'; count: number } | { kind: 'other'; error: AdminUserError };

export function inUseOf(errors: readonly AdminUserError[] | null | undefined): InUse | null {
  const error = errors?.find((e) => e.code === 'IN_USE');
  if (!error) return null;
  if (error.segments?.length) return { kind: 'segments', segments: error.segments, total: Math.max(error.count ?? 0, error.segments.length) };
  if (error.count) return { kind: 'records', count: error.count };
  return { kind: 'other', error };
}

/** The first error whose path starts with `prefix` (e.g. ['input', 'label']). */
export function errorAt<E extends UserErrorLike>(errors: readonly E[] | null | undefined, ...prefix: string[]): E | undefined {
  return errors?.find((e) => prefix.every((part, i) => e.path[i] === part));
}
