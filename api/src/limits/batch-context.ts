import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../request/context';

/**
 * Apollo runs the operations of a batched request at the same time, each with a shallow copy of
 * the one context made for the HTTP request. They must not share its unit of work: an entity
 * manager is no place for concurrent flushes (two mutations of one batch would write through one
 * transaction; on PostgreSQL both fail). So each operation of a batch gets its own entity manager
 * and loaders; everything else (actor, request, database) stays shared.
 */
export function ownUnitOfWorkPerBatchedOperation(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, requestIsBatched }) {
      if (!requestIsBatched) return;
      contextValue.newUnitOfWork();
    },
  };
}
