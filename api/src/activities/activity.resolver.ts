import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { ActivityInput } from './activity.inputs';
import { activityKind } from './activity.kind';

/** Made in resolvers.ts, which hands in the manifest's entry (domains.ts sits above the record kinds). */
export const activityResolver = (node: ImportedNodeType) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: activityKind,
    input: ActivityInput,
    node,
    operations: { one: 'activity', list: 'activities', create: 'createActivity', update: 'updateActivity', delete: 'deleteActivity', upsert: 'upsertActivities' },
    recordImport: recordCrmImport,
    sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true } },
  });
