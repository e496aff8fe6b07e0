import type { Sql } from '../filter/dialect';
import { SegmentSource } from '../filter/filter.enums';
import type { MemberType } from '../filter/model';
import { TRUE } from '../filter/sql';

/**
 * What every member of a source must be, whatever the filter (Bitrix24's lead segments): a lead
 * counts only with at least one e-mail, phone or messenger, and never when it is a repeat lead
 * (linked to a contact or company that already exists). Clients have no such condition.
 */
export function sourceBase(source: SegmentSource, member: MemberType): Sql {
  if (source !== SegmentSource.LEADS || member !== 'lead') return TRUE;
  return {
    sql: 'm.contact_id IS NULL AND m.company_id IS NULL AND m.id IN (SELECT c.lead_id FROM communication c WHERE c.lead_id IS NOT NULL)',
    params: [],
    twoValued: true,
  };
}
