import type { CrmDomain } from '../common/crm-domain';
import { clientFields, contactFields } from './contact.fields';

/**
 * Contacts as segment members: a contact's own fields (`client.*`, `contact.*`) are on its row,
 * its company's (`company.*`) one foreign key away; a write to a contact touches that contact.
 */
export const contactFiltering: CrmDomain = {
  fields: [...clientFields, ...contactFields],
  members: {
    contact: {
      table: 'contact',
      reaches: { client: { kind: 'self' }, contact: { kind: 'self' }, company: { kind: 'via', column: 'company_id', table: 'company' } },
    },
  },
  writes: [{ table: 'contact', members: { contact: [{ kind: 'column', column: 'id' }] } }],
};
