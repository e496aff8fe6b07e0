import { FilterScope } from '../../common/crm-enums';
import { label, type Label } from '../../filter/language/labels';

/**
 * How the builder groups and names the catalog's fields, shipped by `fieldFamilies` and
 * `segmentScopes` so the web keeps no list of its own. A field's family is the first part of its
 * id (`custom.contact.UF_X` → custom); the families of related records name their scope, and the
 * builder lists them after the member's own fields and its "related records" group.
 */
export interface FamilySpec {
  id: string;
  label: Label;
  /** Fields of one related record of the member (deal.*: DEALS); null for the member's own. */
  scope: FilterScope | null;
}

/** In display order. */
export const FIELD_FAMILIES: readonly FamilySpec[] = [
  { id: 'client', scope: null, label: label('Client', 'Клиент', 'Klient', 'Cliente', 'Khách hàng') },
  { id: 'contact', scope: null, label: label('Contact', 'Контакт', 'Kontakt', 'Contato', 'Liên hệ') },
  { id: 'company', scope: null, label: label('Company', 'Компания', 'Firma', 'Empresa', 'Công ty') },
  { id: 'lead', scope: null, label: label('Lead', 'Лид', 'Lead', 'Lead', 'Khách tiềm năng') },
  { id: 'segment', scope: null, label: label('Segments', 'Сегменты', 'Segmenty', 'Segmentos', 'Phân khúc') },
  { id: 'custom', scope: null, label: label('Custom fields', 'Пользовательские поля', 'Pola własne', 'Campos personalizados', 'Trường tùy chỉnh') },
  { id: 'deal', scope: FilterScope.DEALS, label: label('Any deal', 'Любая сделка', 'Dowolny deal', 'Qualquer negócio', 'Giao dịch bất kỳ') },
  { id: 'purchase', scope: FilterScope.PURCHASES, label: label('Any purchase', 'Любая покупка', 'Dowolny zakup', 'Qualquer compra', 'Lần mua bất kỳ') },
  { id: 'order', scope: FilterScope.ORDERS, label: label('Any order', 'Любой заказ', 'Dowolne zamówienie', 'Qualquer pedido', 'Đơn hàng bất kỳ') },
  { id: 'activity', scope: FilterScope.ACTIVITIES, label: label('Any activity', 'Любое дело', 'Dowolna aktywność', 'Qualquer atividade', 'Hoạt động bất kỳ') },
];

/** What each scope's related records are called ("has some deals where …"), in display order. */
export const SCOPE_LABELS = {
  [FilterScope.DEALS]: label('Deals', 'Сделки', 'Deale', 'Negócios', 'Giao dịch'),
  [FilterScope.PURCHASES]: label('Purchases', 'Покупки', 'Zakupy', 'Compras', 'Lần mua'),
  [FilterScope.ORDERS]: label('Orders', 'Заказы', 'Zamówienia', 'Pedidos', 'Đơn hàng'),
  [FilterScope.ACTIVITIES]: label('Activities', 'Дела', 'Aktywności', 'Atividades', 'Hoạt động'),
} as const satisfies Record<FilterScope, Label>;

/** The family of a field id; an id of no known family counts as the member's own (client). */
export function familyOf(fieldId: string): string {
  const first = fieldId.split('.')[0];
  return FIELD_FAMILIES.some((family) => family.id === first) ? first! : 'client';
}
