import { ClientType, SegmentSource } from '../../common/crm-enums';
import type { MemberType } from '../../common/crm-enums';

/** The member types of a source, in member order (company, contact, lead: how member pages sort). */
export function membersOf(source: SegmentSource, clientType: ClientType = ClientType.ANY): MemberType[] {
  if (source === SegmentSource.LEADS) return ['lead'];
  return clientType === ClientType.CONTACT ? ['contact'] : clientType === ClientType.COMPANY ? ['company'] : ['company', 'contact'];
}
