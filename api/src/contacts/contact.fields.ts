import { field } from '../records/crm-field';
import { communicationsAccess } from '../communications/communication.filtering';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { label } from '../filter/language/labels';
import { OPERATORS_BY_TYPE } from '../filter/language/operators';
import { ReferenceList } from '../reference-lists/reference-item.entity';

const CHANNELS = [
  { value: 'EMAIL', label: label('E-mail', 'E-mail', 'E-mail', 'E-mail', 'Email') },
  { value: 'PHONE', label: label('Phone', 'Телефон', 'Telefon', 'Telefone', 'Điện thoại') },
  { value: 'IM', label: label('Messenger', 'Мессенджер', 'Komunikator', 'Mensageiro', 'Tin nhắn') },
];

/** `client.*`: what contacts and companies share (a rule tests the contact or the company itself). */
export const clientFields: FieldDef[] = [
  field({
    id: 'client.type',
    label: label('Client type', 'Тип клиента', 'Typ klienta', 'Tipo de cliente', 'Loại khách hàng'),
    type: T.ENUM,
    operators: [Op.IN, Op.NOT_IN],
    access: { kind: 'memberType', of: ['contact', 'company'] },
    values: {
      kind: 'static',
      options: [
        { value: 'CONTACT', label: label('Contact', 'Контакт', 'Kontakt', 'Contato', 'Liên hệ') },
        { value: 'COMPANY', label: label('Company', 'Компания', 'Firma', 'Empresa', 'Công ty') },
      ],
    },
  }),
  field({
    id: 'client.source',
    label: label('Source', 'Источник', 'Źródło', 'Origem', 'Nguồn'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'client', column: 'source_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.SOURCE },
  }),
  field({
    id: 'client.responsible',
    label: label('Responsible person', 'Ответственный', 'Osoba odpowiedzialna', 'Responsável', 'Người phụ trách'),
    type: T.USER,
    access: { kind: 'column', subject: 'client', column: 'responsible_id', columnKind: 'key' },
    values: { kind: 'users' },
    searchable: true,
  }),
  field({
    id: 'client.createdAt',
    label: label('Created', 'Дата создания', 'Utworzono', 'Criado em', 'Ngày tạo'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'client', column: 'created_at', columnKind: 'datetime' },
  }),
  field({
    id: 'client.lastActivityAt',
    label: label('Last activity', 'Последняя активность', 'Ostatnia aktywność', 'Última atividade', 'Hoạt động gần nhất'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'client', column: 'last_activity_at', columnKind: 'datetime' },
  }),
  field({
    id: 'client.communications',
    label: label('Communications', 'Средства связи', 'Komunikacja', 'Comunicações', 'Phương thức liên lạc'),
    type: T.MULTI_ENUM,
    access: communicationsAccess('client'),
    values: { kind: 'static', options: CHANNELS },
  }),
  // A city is part of an address; a country is kept open: too coarse to point at a person, and counts are bounded anyway.
  field({
    id: 'client.city',
    personal: true,
    label: label('City', 'Город', 'Miasto', 'Cidade', 'Thành phố'),
    type: T.STRING,
    access: { kind: 'column', subject: 'client', column: 'city_folded', columnKind: 'text' },
  }),
  field({
    id: 'client.country',
    label: label('Country', 'Страна', 'Kraj', 'País', 'Quốc gia'),
    type: T.STRING,
    access: { kind: 'column', subject: 'client', column: 'country_folded', columnKind: 'text' },
  }),
];

export { CHANNELS };

/** `contact.*`: contacts only; on a company the value is absent. Names, birthdate and age are personal data. */
export const contactFields: FieldDef[] = [
  field({
    id: 'contact.firstName',
    personal: true,
    label: label('First name', 'Имя', 'Imię', 'Nome', 'Tên'),
    type: T.STRING,
    access: { kind: 'column', subject: 'contact', column: 'first_name_folded', columnKind: 'text' },
  }),
  field({
    id: 'contact.lastName',
    personal: true,
    label: label('Last name', 'Фамилия', 'Nazwisko', 'Sobrenome', 'Họ'),
    type: T.STRING,
    access: { kind: 'column', subject: 'contact', column: 'last_name_folded', columnKind: 'text' },
  }),
  field({
    id: 'contact.birthdate',
    personal: true,
    label: label('Date of birth', 'Дата рождения', 'Data urodzenia', 'Data de nascimento', 'Ngày sinh'),
    type: T.DATE,
    operators: [...OPERATORS_BY_TYPE[T.DATE], Op.IN_NEXT_DAYS],
    access: { kind: 'column', subject: 'contact', column: 'birthdate', columnKind: 'date', monthDayColumn: 'birth_month_day' },
  }),
  field({ id: 'contact.age', personal: true, label: label('Age', 'Возраст', 'Wiek', 'Idade', 'Tuổi'), type: T.NUMBER, access: { kind: 'yearsSince', subject: 'contact', column: 'birthdate' } }),
  field({
    id: 'contact.gender',
    // Gender is sensitive on its own and, with age and city, narrows a group down to a person.
    personal: true,
    label: label('Gender', 'Пол', 'Płeć', 'Gênero', 'Giới tính'),
    type: T.ENUM,
    access: { kind: 'column', subject: 'contact', column: 'gender', columnKind: 'enum' },
    values: {
      kind: 'static',
      options: [
        { value: 'MALE', label: label('Male', 'Мужской', 'Mężczyzna', 'Masculino', 'Nam') },
        { value: 'FEMALE', label: label('Female', 'Женский', 'Kobieta', 'Feminino', 'Nữ') },
        { value: 'OTHER', label: label('Other', 'Другой', 'Inna', 'Outro', 'Khác') },
      ],
    },
  }),
  field({
    id: 'contact.type',
    label: label('Contact type', 'Тип контакта', 'Typ kontaktu', 'Tipo de contato', 'Loại liên hệ'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'contact', column: 'type_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.CONTACT_TYPE },
  }),
  field({
    id: 'contact.responsible',
    label: label('Responsible (contact)', 'Ответственный (контакт)', 'Odpowiedzialny (kontakt)', 'Responsável (contato)', 'Người phụ trách (liên hệ)'),
    type: T.USER,
    access: { kind: 'column', subject: 'contact', column: 'responsible_id', columnKind: 'key' },
    values: { kind: 'users' },
    searchable: true,
  }),
];
