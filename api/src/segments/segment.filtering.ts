import type { CrmDomain } from '../common/crm-domain';
import { membershipFields } from './segment.fields';

/**
 * Segments add the `segment.membership` rule; its SQL is the caller's (filtering/membership.ts).
 * What touches it is a change of the named segments' own members, followed by issue 14's
 * maintainer from segment to segment, not a table write of its own.
 */
export const segmentFiltering: CrmDomain = { fields: membershipFields };
