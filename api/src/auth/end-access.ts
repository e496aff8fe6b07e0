import type { SqlEntityManager } from '@mikro-orm/knex';
import { ApiToken } from './api-token.entity';
import { UserSession } from './user-session.entity';

/**
 * Deactivating a user ends what they could still use: their sessions are deleted and the API
 * tokens they made are revoked (for good: activating the user again revives neither, so a token
 * handed to someone during those days cannot come back to life unnoticed). Before, both were only
 * refused while the user was inactive, and came back with re-activation.
 */
export async function endAccessOf(em: SqlEntityManager, userKeys: number[], now = new Date()): Promise<void> {
  if (!userKeys.length) return;
  await em.nativeUpdate(ApiToken, { createdBy: { $in: userKeys }, revokedAt: null }, { revokedAt: now });
  await em.nativeDelete(UserSession, { user: { $in: userKeys } });
}
