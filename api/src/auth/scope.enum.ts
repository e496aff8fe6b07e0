import { registerEnumType } from 'type-graphql';
import { Scope } from './actor';

registerEnumType(Scope, {
  name: 'Scope',
  description: 'A permission. Roles carry a fixed set; API tokens carry the ones chosen when they were made.',
  valuesConfig: {
    CRM_READ: { description: '`crm:read`: read contacts, companies, leads, deals, products, orders, activities.' },
    CRM_WRITE: { description: '`crm:write`: create, change, delete and bulk-upsert CRM records.' },
    SEGMENTS_READ: { description: '`segments:read`: segments, their definitions and counts; the filter catalog and templates.' },
    SEGMENTS_WRITE: { description: '`segments:write`: create, change and delete segments; import into static segments.' },
    RECIPIENTS_READ: { description: '`recipients:read`: members, recipient addresses and names, CSV exports, the stop list.' },
    RECIPIENTS_WRITE: { description: '`recipients:write`: add to and remove from the stop list.' },
    SETTINGS_WRITE: { description: '`settings:write`: reference lists, pipelines and stages, custom fields.' },
    ADMIN: { description: '`admin`: users, API tokens and the audit log (people only, never a token).' },
  },
});
