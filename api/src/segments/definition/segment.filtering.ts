import type { CrmDomain } from '../../common/crm-domain';
import type { OwnerPath } from '../../filter/model/model';
import { membershipFields } from './segment.fields';

/** The records owning a communication with the written address of a static segment. */
const addressOwner = (owner: string): OwnerPath => ({ kind: 'matching', table: 'communication', on: { channel: 'channel', normalized: 'address' }, owner });

/**
 * Segments add the `segment.membership` rule; its SQL is the caller's (segments/filtering/membership.ts).
 * A static segment's members are the records owning one of its addresses, so a written address
 * touches those records; a dynamic segment named by a rule adds what its own filter reads.
 */
export const segmentFiltering: CrmDomain = {
  fields: membershipFields,
  writes: [{ table: 'segment_member', members: { contact: [addressOwner('contact_id')], company: [addressOwner('company_id')], lead: [addressOwner('lead_id')] } }],
};
