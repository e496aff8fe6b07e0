import { field } from '../records/crm-field';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { FilterScope } from '../common/crm-enums';
import { label } from '../filter/language/labels';
import { ReferenceList } from '../reference-lists/reference-item.entity';

const DEALS = FilterScope.DEALS;

/** `deal.*`: each rule tests one deal of the member; rules of one group test the same deal. */
export const dealFields: FieldDef[] = [
  field({
    id: 'deal.pipeline',
    scope: DEALS,
    label: label('Deal pipeline', 'Воронка сделки', 'Lejek sprzedaży', 'Funil de negócios', 'Quy trình bán hàng'),
    type: T.PIPELINE,
    access: { kind: 'column', subject: 'deal', column: 'pipeline_id', columnKind: 'key' },
    values: { kind: 'pipelines' },
  }),
  field({
    id: 'deal.stage',
    scope: DEALS,
    label: label('Deal stage', 'Стадия сделки', 'Etap deala', 'Fase do negócio', 'Giai đoạn giao dịch'),
    type: T.STAGE,
    access: { kind: 'column', subject: 'deal', column: 'stage_id', columnKind: 'key' },
    values: { kind: 'stages' },
  }),
  field({
    id: 'deal.status',
    scope: DEALS,
    label: label('Deal status', 'Статус сделки', 'Status deala', 'Status do negócio', 'Trạng thái giao dịch'),
    type: T.ENUM,
    operators: [Op.IN, Op.NOT_IN],
    access: { kind: 'column', subject: 'deal', column: 'stage_semantic', columnKind: 'enum' },
    values: {
      kind: 'static',
      options: [
        { value: 'IN_PROGRESS', label: label('In progress', 'В работе', 'W toku', 'Em andamento', 'Đang xử lý') },
        { value: 'WON', label: label('Won', 'Успешная', 'Wygrany', 'Ganho', 'Thành công') },
        { value: 'LOST', label: label('Lost', 'Проигранная', 'Przegrany', 'Perdido', 'Thất bại') },
      ],
    },
  }),
  field({
    id: 'deal.amount',
    scope: DEALS,
    label: label('Deal amount', 'Сумма сделки', 'Kwota deala', 'Valor do negócio', 'Giá trị giao dịch'),
    type: T.MONEY,
    access: { kind: 'column', subject: 'deal', column: 'amount', columnKind: 'number' },
  }),
  field({
    id: 'deal.currency',
    scope: DEALS,
    label: label('Deal currency', 'Валюта сделки', 'Waluta deala', 'Moeda do negócio', 'Tiền tệ giao dịch'),
    type: T.STRING,
    operators: [Op.EQ, Op.NEQ, Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
    access: { kind: 'column', subject: 'deal', column: 'currency', columnKind: 'enum' },
  }),
  field({
    id: 'deal.type',
    scope: DEALS,
    label: label('Deal type', 'Тип сделки', 'Typ deala', 'Tipo de negócio', 'Loại giao dịch'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'deal', column: 'type_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.DEAL_TYPE },
  }),
  field({
    id: 'deal.responsible',
    scope: DEALS,
    label: label('Responsible (deal)', 'Ответственный (сделка)', 'Odpowiedzialny (deal)', 'Responsável (negócio)', 'Người phụ trách (giao dịch)'),
    type: T.USER,
    access: { kind: 'column', subject: 'deal', column: 'responsible_id', columnKind: 'key' },
    values: { kind: 'users' },
    searchable: true,
  }),
  field({
    id: 'deal.createdAt',
    scope: DEALS,
    label: label('Deal created', 'Дата создания сделки', 'Utworzenie deala', 'Negócio criado em', 'Ngày tạo giao dịch'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'deal', column: 'created_at', columnKind: 'datetime' },
  }),
  field({
    id: 'deal.closedAt',
    scope: DEALS,
    label: label('Deal closed', 'Дата закрытия сделки', 'Zamknięcie deala', 'Negócio fechado em', 'Ngày đóng giao dịch'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'deal', column: 'closed_at', columnKind: 'datetime' },
  }),
];
