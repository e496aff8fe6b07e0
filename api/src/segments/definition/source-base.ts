import type { Sql } from '../../filter/sql/dialect';
import { SegmentSource } from '../../common/crm-enums';
import type { MemberType } from '../../common/crm-enums';
import { TRUE } from '../../filter/sql/fragments';

/**
 * What every member of a source must be, whatever the filter (Bitrix24's lead segments): a lead
 * counts only with at least one e-mail, phone or messenger, and never when it is a repeat lead
 * (linked to a contact or company that already exists). Clients have no such condition.
 */
export function sourceBase(source: SegmentSource, member: MemberType, engine: 'sqlite' | 'postgresql'): Sql {
  if (source !== SegmentSource.LEADS || member !== 'lead') return TRUE;
  // PostgreSQL misestimates the IN form (2.6k members expected, 93k real) and sorts every address
  // instead of walking the address index (1.3 s vs 17 ms for a recipient page at S=1); SQLite runs
  // a correlated EXISTS once per row, so it keeps the IN form (performance-notes, lesson 2).
  const hasAddress = engine === 'postgresql' ? 'EXISTS (SELECT 1 FROM communication c WHERE c.lead_id = m.id)' : 'm.id IN (SELECT c.lead_id FROM communication c WHERE c.lead_id IS NOT NULL)';
  return { sql: `m.contact_id IS NULL AND m.company_id IS NULL AND ${hasAddress}`, params: [], twoValued: true };
}

/** The tables sourceBase reads besides the member's own (what a write must touch to change it). */
export function sourceBaseReads(source: SegmentSource, member: MemberType): string[] {
  return source === SegmentSource.LEADS && member === 'lead' ? ['communication'] : [];
}
