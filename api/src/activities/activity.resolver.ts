import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { ActivityInput } from './activity.inputs';
import { activityKind } from './activity.kind';

export const ActivityResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: activityKind,
  input: ActivityInput,
  node: NODE_TYPES.Activity,
  operations: { one: 'activity', list: 'activities', create: 'createActivity', update: 'updateActivity', delete: 'deleteActivity', upsert: 'upsertActivities' },
  recordImport: recordCrmImport,
  sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true } },
});
