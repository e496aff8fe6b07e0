import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { ActivityInput } from './activity.inputs';
import { activityKind } from './activity.kind';

export const ActivityResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: activityKind,
  input: ActivityInput,
  name: 'Activity',
  single: 'activity',
  plural: 'activities',
  bulk: true,
  sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true } },
});
