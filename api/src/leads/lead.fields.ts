import { CHANNELS } from '../contacts/contact.fields';
import { field } from '../records/crm-field';
import { communicationsAccess } from '../communications/communication.filtering';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { SegmentSource } from '../common/crm-enums';
import { label } from '../filter/language/labels';
import { ReferenceList } from '../reference-lists/reference-item.entity';

const LEADS = [SegmentSource.LEADS];

/** `lead.*`: the lead itself (Leads source). */
export const leadFields: FieldDef[] = [
  // A lead's title is usually the person's name ("Anna Kowalska, website form"); its city is part of an address.
  field({
    id: 'lead.title',
    personal: true,
    sources: LEADS,
    label: label('Lead name', 'Название лида', 'Nazwa leada', 'Nome do lead', 'Tên khách hàng tiềm năng'),
    type: T.STRING,
    access: { kind: 'column', subject: 'lead', column: 'title_folded', columnKind: 'text' },
  }),
  field({
    id: 'lead.status',
    sources: LEADS,
    label: label('Lead status', 'Статус лида', 'Status leada', 'Status do lead', 'Trạng thái'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'lead', column: 'status_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.LEAD_STATUS },
  }),
  field({
    id: 'lead.statusSemantic',
    sources: LEADS,
    label: label('Lead stage group', 'Группа статусов', 'Grupa statusów', 'Grupo de status', 'Nhóm trạng thái'),
    type: T.ENUM,
    operators: [Op.IN, Op.NOT_IN],
    access: { kind: 'column', subject: 'lead', column: 'status_semantic', columnKind: 'enum' },
    values: {
      kind: 'static',
      options: [
        { value: 'IN_PROGRESS', label: label('In progress', 'В работе', 'W toku', 'Em andamento', 'Đang xử lý') },
        { value: 'CONVERTED', label: label('Converted', 'Сконвертирован', 'Skonwertowany', 'Convertido', 'Đã chuyển đổi') },
        { value: 'JUNK', label: label('Junk', 'Некачественный', 'Bezwartościowy', 'Descartado', 'Không hợp lệ') },
      ],
    },
  }),
  field({
    id: 'lead.converted',
    sources: LEADS,
    label: label('Converted', 'Сконвертирован', 'Skonwertowany', 'Convertido', 'Đã chuyển đổi'),
    type: T.BOOLEAN,
    access: { kind: 'column', subject: 'lead', column: 'converted', columnKind: 'boolean' },
  }),
  field({
    id: 'lead.source',
    sources: LEADS,
    label: label('Source', 'Источник', 'Źródło', 'Origem', 'Nguồn'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'lead', column: 'source_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.SOURCE },
  }),
  field({
    id: 'lead.responsible',
    sources: LEADS,
    label: label('Responsible person', 'Ответственный', 'Osoba odpowiedzialna', 'Responsável', 'Người phụ trách'),
    type: T.USER,
    access: { kind: 'column', subject: 'lead', column: 'responsible_id', columnKind: 'key' },
    values: { kind: 'users' },
    searchable: true,
  }),
  field({
    id: 'lead.amount',
    sources: LEADS,
    label: label('Amount', 'Сумма', 'Kwota', 'Valor', 'Giá trị'),
    type: T.MONEY,
    access: { kind: 'column', subject: 'lead', column: 'amount', columnKind: 'number' },
  }),
  field({
    id: 'lead.createdAt',
    sources: LEADS,
    label: label('Created', 'Дата создания', 'Utworzono', 'Criado em', 'Ngày tạo'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'lead', column: 'created_at', columnKind: 'datetime' },
  }),
  field({
    id: 'lead.lastActivityAt',
    sources: LEADS,
    label: label('Last activity', 'Последняя активность', 'Ostatnia aktywność', 'Última atividade', 'Hoạt động gần nhất'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'lead', column: 'last_activity_at', columnKind: 'datetime' },
  }),
  field({
    id: 'lead.city',
    personal: true,
    sources: LEADS,
    label: label('City', 'Город', 'Miasto', 'Cidade', 'Thành phố'),
    type: T.STRING,
    access: { kind: 'column', subject: 'lead', column: 'city_folded', columnKind: 'text' },
  }),
  field({
    id: 'lead.communications',
    sources: LEADS,
    label: label('Communications', 'Средства связи', 'Komunikacja', 'Comunicações', 'Phương thức liên lạc'),
    type: T.MULTI_ENUM,
    access: communicationsAccess('lead'),
    values: { kind: 'static', options: CHANNELS },
  }),
];
