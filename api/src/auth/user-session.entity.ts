import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import type { User } from '../users/user.entity';

/**
 * A signed-in browser. The cookie carries a random secret; only its SHA-256 is stored, so a copy
 * of the database cannot be replayed as sessions. Stored in the database (not in process memory)
 * so any number of API processes serve the same sessions.
 */
@Entity({ tableName: 'user_session' })
export class UserSession {
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Slides forward while the session is used, never past `createdAt` + the absolute lifetime. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;
}
