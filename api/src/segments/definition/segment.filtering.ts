import type { CrmDomain } from '../../common/crm-domain';
import { membershipFields } from './segment.fields';

/**
 * Segments add the `segment.membership` rule; its SQL is the caller's (segments/filtering/membership.ts).
 * No table write touches it directly: a member's answer changes when the named segment's own
 * membership does (and a static segment's list is written by the segments domain itself).
 */
export const segmentFiltering: CrmDomain = { fields: membershipFields };
