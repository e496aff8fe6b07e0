import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { actingUserKey, type Context } from '../request/context';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import { User } from '../users/user.entity';
import { Scope, TOKEN_SCOPES } from '../auth/actor';
import { ApiToken } from '../auth/api-token.entity';
import { Requires } from '../request/guards';
import { issueApiToken } from '../auth/api-token.service';
import { AuditAction, AuditSubjectType } from '../audit/audit.enums';
import { recordAudit } from '../audit/record-audit';
import { inTransaction } from '../records/crud.service';

export enum ApiTokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiTokenStatus, { name: 'ApiTokenStatus' });

@InputType({ description: 'A new API token. Administration (`ADMIN`) cannot be given to a token.' })
class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "Shop sync".' }) name!: string;
  @Field(() => [Scope]) scopes!: Scope[];
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it stops working; null = never (revoke it instead).' }) expiresAt?: Date | null;
}

@ObjectType()
class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true }) token!: ApiToken | null;
  @Field(() => String, { nullable: true, description: 'The secret to send as "Authorization: Bearer <secret>". Shown this once: only a hash is kept.' })
  secret!: string | null;
  @Field(() => [UserError]) errors!: UserError[];
}

@ObjectType()
class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true }) token!: ApiToken | null;
  @Field(() => [UserError]) errors!: UserError[];
}

/** API tokens for integrators: made and revoked by administrators. */
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Requires(Scope.ADMIN)
  @Query(() => [ApiToken], { description: 'Every API token, newest first (revoked ones too).' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return ctx.em.find(ApiToken, {}, { orderBy: { key: 'desc' }, limit: 1000 });
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => CreateApiTokenPayload)
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreateApiTokenPayload> {
    const name = input.name.trim();
    const errors: UserError[] = [];
    if (!name) errors.push(UserError.of(['input', 'name'], UserErrorCode.REQUIRED, 'Give the token a name that says what it is for.'));
    if (name.length > 100) errors.push(UserError.of(['input', 'name'], UserErrorCode.INVALID, 'A token name has at most 100 characters.'));
    const scopes = [...new Set(input.scopes)];
    if (!scopes.length) errors.push(UserError.of(['input', 'scopes'], UserErrorCode.REQUIRED, 'Choose at least one scope.'));
    if (scopes.some((scope) => !TOKEN_SCOPES.includes(scope))) errors.push(UserError.of(['input', 'scopes'], UserErrorCode.INVALID, 'Administration cannot be given to an API token.'));
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) errors.push(UserError.of(['input', 'expiresAt'], UserErrorCode.INVALID, 'The expiry must be in the future.'));
    if (errors.length) return { token: null, secret: null, errors };
    // The token and its audit event are stored together, or neither.
    const { token, secret } = await inTransaction(ctx.em, async () => {
      const issued = await issueApiToken(ctx.em, actingUserKey(ctx), { name, scopes, expiresAt: input.expiresAt ?? null });
      await recordAudit(ctx, {
        action: AuditAction.API_TOKEN_CREATED,
        subject: { type: AuditSubjectType.API_TOKEN, key: issued.token.key, name },
        details: { scopes: issued.token.scopes, expiresAt: issued.token.expiresAt?.toISOString() ?? null },
      });
      return issued;
    });
    return { token, secret, errors: [] };
  }

  @Requires(Scope.ADMIN)
  @Mutation(() => RevokeApiTokenPayload, { description: 'Stops a token at once. Revoking a revoked token changes nothing.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<RevokeApiTokenPayload> {
    const key = keyOf(id, 'ApiToken');
    const token = key === null ? null : await ctx.em.findOne(ApiToken, { key });
    if (!token) return { token: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, 'There is no such API token.')] };
    if (!token.revokedAt) {
      await inTransaction(ctx.em, async () => {
        token.revokedAt = new Date();
        await ctx.em.flush();
        await recordAudit(ctx, { action: AuditAction.API_TOKEN_REVOKED, subject: { type: AuditSubjectType.API_TOKEN, key: token.key, name: token.name } });
      });
    }
    return { token, errors: [] };
  }

  @FieldResolver(() => [Scope], { name: 'scopes' })
  scopesField(@Root() token: ApiToken): Scope[] {
    return token.scopes;
  }

  @FieldResolver(() => ApiTokenStatus)
  status(@Root() token: ApiToken): ApiTokenStatus {
    if (token.revokedAt) return ApiTokenStatus.REVOKED;
    if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return ApiTokenStatus.EXPIRED;
    return ApiTokenStatus.ACTIVE;
  }

  @FieldResolver(() => User)
  createdBy(@Root() token: ApiToken): Promise<User> {
    return token.createdBy.load() as Promise<User>;
  }
}
