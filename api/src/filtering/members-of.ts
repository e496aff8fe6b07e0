import { ClientType, SegmentSource } from '../filter/filter.enums';
import type { MemberType } from '../filter/model';

/** The member types of a source, in member order (company, contact, lead: how member pages sort). */
export function membersOf(source: SegmentSource, clientType: ClientType = ClientType.ANY): MemberType[] {
  if (source === SegmentSource.LEADS) return ['lead'];
  return clientType === ClientType.CONTACT ? ['contact'] : clientType === ClientType.COMPANY ? ['company'] : ['company', 'contact'];
}
