import { Scope } from '../auth/actor';

/** CRM records: read with `crm:read`, written with `crm:write`. */
export const CRM_SCOPES = { read: [Scope.CRM_READ], write: [Scope.CRM_WRITE] };
