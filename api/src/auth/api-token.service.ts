import type { SqlEntityManager } from '@mikro-orm/knex';
import { User } from '../users/user.entity';
import type { Scope } from './actor';
import { ApiToken } from './api-token.entity';
import { newSecret, secretHash } from './secrets';

/** Stores a new token for `creatorKey` and returns it with its secret (the only time the secret exists). */
export async function issueApiToken(em: SqlEntityManager, creatorKey: number, spec: { name: string; scopes: readonly Scope[]; expiresAt?: Date | null }): Promise<{ token: ApiToken; secret: string }> {
  const secret = newSecret('sgt_');
  const now = new Date();
  const token = em.create(
    ApiToken,
    {
      name: spec.name,
      secretHash: secretHash(secret),
      hint: secret.slice(0, 8),
      scopeList: [...spec.scopes].sort().join(' '),
      createdBy: em.getReference(User, creatorKey),
      expiresAt: spec.expiresAt ?? null,
      createdAt: now,
      updatedAt: now,
    },
    { partial: true },
  );
  await em.flush();
  return { token, secret };
}
