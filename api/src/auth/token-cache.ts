import type { EventSubscriber } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { ApiToken } from './api-token.entity';

/**
 * API tokens recently checked against the database, by secret hash, so a client sending request
 * after request with one token is looked up once per CREDENTIAL_CACHE_MS instead of once per
 * request (the lookup, a join and two entity hydrations, was the largest fixed cost of a cheap
 * page). What stays true of a cached token:
 *
 * - it expires at its expiry (checked on every hit, from the cached `expiresAt`);
 * - every change to tokens or users this API process writes through the unit of work (revoking,
 *   demoting, deactivating; see `CredentialChanges`) empties the cache at the flush and again at
 *   the commit, and a lookup that started before the cache was emptied is not stored (generations);
 * - writes that bypass the unit of work (a `nativeDelete` of users) call `forgetTokens`;
 * - another API process's changes apply here within CREDENTIAL_CACHE_MS.
 *
 * Failed lookups are not cached: an unknown token costs what it cost before.
 */
export interface CachedToken {
  actor: Actor;
  tokenKey: number;
  /** ms since the epoch; null: never. */
  expiresAt: number | null;
  /** When `lastUsedAt` was last written (ms), so it is still written about once a minute. */
  lastUsedAt: number | null;
  checkedAt: number;
}

/** Enough for every token a deployment has; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 10_000;

export class TokenCache {
  private readonly entries = new Map<string, CachedToken>();
  /** Grows at every forget: a lookup stores its answer only if no forget happened meanwhile. */
  generation = 0;

  get(hash: string, ttlMs: number, now: number): CachedToken | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (now - entry.checkedAt >= ttlMs || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      this.entries.delete(hash);
      return null;
    }
    return entry;
  }

  /** Stores a lookup's answer unless the cache was emptied since `generation` was read. */
  set(hash: string, entry: CachedToken, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, entry);
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  private changePending = false;

  /** Tokens or users changed: forget now, and again at the next commit (when others can see the change). */
  changed(): void {
    this.changePending = true;
    this.forget();
  }

  committed(): void {
    if (!this.changePending) return;
    this.changePending = false;
    this.forget();
  }
}

/** Empties the cache when tokens or users change through the unit of work, at the flush and after the commit. */
class CredentialChanges implements EventSubscriber {
  constructor(private readonly cache: TokenCache) {}

  getSubscribedEntities() {
    return [ApiToken, User];
  }

  afterCreate(): void {
    this.cache.changed();
  }

  afterUpdate(): void {
    this.cache.changed();
  }

  afterUpsert(): void {
    this.cache.changed();
  }

  afterDelete(): void {
    this.cache.changed();
  }

  // Transaction events reach every subscriber, whatever the entities. Emptied again once the change
  // is visible to other connections, so a lookup that read the old state meanwhile is not kept.
  // (Which commit is the change's is not known: should another transaction commit first, a lookup
  // racing the change's own commit may keep the old state, at most CREDENTIAL_CACHE_MS.)
  afterTransactionCommit(): void {
    this.cache.committed();
  }

  afterTransactionRollback(): void {
    this.cache.committed();
  }
}

/** One cache per database (keyed by the ORM's configuration object, which forks share). */
const caches = new WeakMap<object, TokenCache>();

export function tokenCacheOf(em: SqlEntityManager): TokenCache {
  let cache = caches.get(em.config);
  if (!cache) {
    cache = new TokenCache();
    caches.set(em.config, cache);
    // Forks share the event manager of the ORM they come from.
    em.getEventManager().registerSubscriber(new CredentialChanges(cache));
  }
  return cache;
}

/** For writes to users or tokens that bypass the unit of work (nativeUpdate, nativeDelete, SQL). */
export function forgetTokens(em: SqlEntityManager): void {
  caches.get(em.config)?.changed();
}
