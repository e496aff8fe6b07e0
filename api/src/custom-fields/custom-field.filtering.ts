import type { CrmDomain } from '../common/crm-domain';
import type { OwnerPath } from '../filter/model/model';
import { CustomFieldEntity } from './custom-field.enums';

/** A value touches the record it belongs to, found through its field's entity. */
const ofEntity = (entity: CustomFieldEntity, then: OwnerPath): OwnerPath => ({ kind: 'when', column: 'field_id', lookup: { table: 'custom_field', column: 'entity' }, equals: entity, then });
const record: OwnerPath = { kind: 'column', column: 'record_id' };

/**
 * Custom fields (their catalog fields are made per field: custom-field.fields.ts). A written value
 * touches its record's member: the contact, company or lead itself, the contacts of a company,
 * the owners of a deal.
 */
export const customFieldFiltering: CrmDomain = {
  writes: [
    {
      table: 'custom_field_value',
      members: {
        contact: [
          ofEntity(CustomFieldEntity.CONTACT, record),
          ofEntity(CustomFieldEntity.COMPANY, { kind: 'referrers', column: 'company_id', key: 'record_id' }),
          ofEntity(CustomFieldEntity.DEAL, { kind: 'through', column: 'record_id', table: 'deal', owner: 'contact_id' }),
        ],
        company: [ofEntity(CustomFieldEntity.COMPANY, record), ofEntity(CustomFieldEntity.DEAL, { kind: 'through', column: 'record_id', table: 'deal', owner: 'company_id' })],
        lead: [ofEntity(CustomFieldEntity.LEAD, record)],
        deal: [ofEntity(CustomFieldEntity.DEAL, record)],
      },
    },
  ],
};
