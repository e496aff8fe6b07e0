import { registerEnumType } from 'type-graphql';

/** A way to reach someone; recipients of a segment are counted and listed per channel. */
export enum Channel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  IM = 'IM',
}
registerEnumType(Channel, { name: 'Channel', description: 'E-mail, phone or messenger.' });

/** Bitrix24's VALUE_TYPE: what kind of address it is; messenger kinds apply to IM only. */
export enum CommunicationValueType {
  WORK = 'WORK',
  HOME = 'HOME',
  MOBILE = 'MOBILE',
  FAX = 'FAX',
  PAGER = 'PAGER',
  MAILING = 'MAILING',
  OTHER = 'OTHER',
  TELEGRAM = 'TELEGRAM',
  WHATSAPP = 'WHATSAPP',
  VIBER = 'VIBER',
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  VK = 'VK',
  SKYPE = 'SKYPE',
  ZALO = 'ZALO',
}
registerEnumType(CommunicationValueType, { name: 'CommunicationValueType' });

export const MESSENGER_VALUE_TYPES: ReadonlySet<CommunicationValueType> = new Set([
  CommunicationValueType.TELEGRAM,
  CommunicationValueType.WHATSAPP,
  CommunicationValueType.VIBER,
  CommunicationValueType.FACEBOOK,
  CommunicationValueType.INSTAGRAM,
  CommunicationValueType.VK,
  CommunicationValueType.SKYPE,
  CommunicationValueType.ZALO,
]);
