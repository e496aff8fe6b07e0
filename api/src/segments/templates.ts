import { Combinator, DateUnit, FilterOperator as Op, Quantifier } from '../filter/language/filter.enums';
import { FilterScope } from '../common/crm-enums';
import { label, type Label } from '../filter/language/labels';
import type { FilterGroup, FilterNode, FilterValue } from '../filter/language/tree';

/** A ready-made filter: a starting point that becomes an ordinary, editable dynamic segment. */
export interface SegmentTemplateDef {
  code: string;
  name: Label;
  description: Label;
  filter: FilterGroup;
}

const rule = (field: string, operator: Op, value?: FilterValue): FilterNode => ({ rule: { field, operator, value: value ?? null } });
const group = (combinator: Combinator, rules: FilterNode[], extra: Partial<FilterGroup> = {}): FilterGroup => ({ combinator, not: false, rules, ...extra });
const deals = (quantifier: Quantifier, rules: FilterNode[], threshold?: number): FilterNode => ({
  group: group(Combinator.AND, rules, { scope: FilterScope.DEALS, quantifier, threshold: threshold ?? null }),
});
const status = (code: string) => rule('deal.status', Op.IN, { strings: [code] });

/** The Bitrix24 ready-made filters and a few more marketers ask for; every pipeline counts. */
export const TEMPLATES: SegmentTemplateDef[] = [
  {
    code: 'WITH_WON_DEALS',
    name: label('With won deals', 'С успешными сделками', 'Z wygranymi transakcjami', 'Com negócios ganhos', 'Có giao dịch thành công'),
    description: label(
      'Clients with at least one won deal in any pipeline.',
      'Клиенты, у которых есть хотя бы одна успешная сделка в любом направлении.',
      'Klienci z co najmniej jedną wygraną transakcją w dowolnym lejku.',
      'Clientes com pelo menos um negócio ganho em qualquer funil.',
      'Khách hàng có ít nhất một giao dịch thành công ở bất kỳ quy trình nào.',
    ),
    filter: group(Combinator.AND, [deals(Quantifier.SOME, [status('WON')])]),
  },
  {
    code: 'WITHOUT_DEALS',
    name: label('Without deals', 'Без сделок', 'Bez transakcji', 'Sem negócios', 'Chưa có giao dịch'),
    description: label('Clients with no deal at all.', 'Клиенты без единой сделки.', 'Klienci bez żadnej transakcji.', 'Clientes sem nenhum negócio.', 'Khách hàng chưa có giao dịch nào.'),
    filter: group(Combinator.AND, [deals(Quantifier.NONE, [])]),
  },
  {
    code: 'DEALS_IN_PROGRESS',
    name: label('Deals in progress', 'Сделки в работе', 'Transakcje w toku', 'Negócios em andamento', 'Giao dịch đang xử lý'),
    description: label(
      'Clients with a deal that is still open.',
      'Клиенты с незакрытой сделкой.',
      'Klienci z otwartą transakcją.',
      'Clientes com um negócio em aberto.',
      'Khách hàng có giao dịch đang mở.',
    ),
    filter: group(Combinator.AND, [deals(Quantifier.SOME, [status('IN_PROGRESS')])]),
  },
  {
    code: 'LOST_DEALS',
    name: label('Lost deals', 'Проваленные сделки', 'Przegrane transakcje', 'Negócios perdidos', 'Giao dịch thất bại'),
    description: label(
      'Clients with at least one lost deal.',
      'Клиенты, у которых есть проваленная сделка.',
      'Klienci z co najmniej jedną przegraną transakcją.',
      'Clientes com pelo menos um negócio perdido.',
      'Khách hàng có ít nhất một giao dịch thất bại.',
    ),
    filter: group(Combinator.AND, [deals(Quantifier.SOME, [status('LOST')])]),
  },
  {
    code: 'INACTIVE_90_DAYS',
    name: label('Inactive for 90 days', 'Неактивные 90 дней', 'Nieaktywni od 90 dni', 'Inativos há 90 dias', 'Không hoạt động 90 ngày'),
    description: label(
      'No activity for more than 90 days (or never, for clients older than that).',
      'Нет активности более 90 дней (или никогда — для клиентов старше 90 дней).',
      'Brak aktywności od ponad 90 dni (lub nigdy — dla starszych klientów).',
      'Sem atividade há mais de 90 dias (ou nunca, para clientes mais antigos).',
      'Không có hoạt động hơn 90 ngày (hoặc chưa từng, với khách hàng cũ hơn).',
    ),
    filter: group(Combinator.OR, [
      rule('client.lastActivityAt', Op.MORE_THAN_AGO, { relative: { amount: 90, unit: DateUnit.DAY } }),
      { group: group(Combinator.AND, [rule('client.lastActivityAt', Op.IS_EMPTY), rule('client.createdAt', Op.MORE_THAN_AGO, { relative: { amount: 90, unit: DateUnit.DAY } })]) },
    ]),
  },
  {
    code: 'ACTIVE_30_DAYS',
    name: label('Active in the last 30 days', 'Активные за 30 дней', 'Aktywni w ostatnich 30 dniach', 'Ativos nos últimos 30 dias', 'Hoạt động trong 30 ngày qua'),
    description: label(
      'Any activity in the last 30 days.',
      'Любая активность за последние 30 дней.',
      'Dowolna aktywność w ostatnich 30 dniach.',
      'Qualquer atividade nos últimos 30 dias.',
      'Có hoạt động trong 30 ngày qua.',
    ),
    filter: group(Combinator.AND, [rule('client.lastActivityAt', Op.WITHIN_LAST, { relative: { amount: 30, unit: DateUnit.DAY } })]),
  },
  {
    code: 'BOUGHT_IN_PAID_ORDER',
    name: label(
      'Bought a product in a paid order',
      'Купили товар в оплаченном заказе',
      'Kupili produkt w opłaconym zamówieniu',
      'Compraram um produto em pedido pago',
      'Đã mua sản phẩm trong đơn đã thanh toán',
    ),
    description: label(
      'Clients with a product in a paid order; add a product rule to narrow it.',
      'Клиенты с товаром в оплаченном заказе; добавьте правило по товару, чтобы сузить.',
      'Klienci z produktem w opłaconym zamówieniu; dodaj regułę produktu, by zawęzić.',
      'Clientes com um produto em pedido pago; adicione uma regra de produto para restringir.',
      'Khách hàng có sản phẩm trong đơn đã thanh toán; thêm quy tắc sản phẩm để thu hẹp.',
    ),
    filter: group(Combinator.AND, [{ group: group(Combinator.AND, [rule('purchase.where', Op.IN, { strings: ['PAID_ORDER'] })], { scope: FilterScope.PURCHASES, quantifier: Quantifier.SOME }) }]),
  },
  {
    code: 'HAS_EMAIL_AND_PHONE',
    name: label('Has email and phone', 'Есть e-mail и телефон', 'Ma e-mail i telefon', 'Tem e-mail e telefone', 'Có email và số điện thoại'),
    description: label(
      'Clients reachable by both e-mail and phone.',
      'Клиенты, у которых заполнены и e-mail, и телефон.',
      'Klienci z adresem e-mail i telefonem.',
      'Clientes com e-mail e telefone.',
      'Khách hàng có cả email và số điện thoại.',
    ),
    filter: group(Combinator.AND, [rule('client.communications', Op.HAS_ALL, { strings: ['EMAIL', 'PHONE'] })]),
  },
  {
    code: 'REPEAT_BUYERS',
    name: label(
      'Repeat buyers (3+ won deals)',
      'Постоянные клиенты (3+ успешных сделки)',
      'Stali klienci (3+ wygrane transakcje)',
      'Clientes recorrentes (3+ negócios ganhos)',
      'Khách mua lại (3+ giao dịch thành công)',
    ),
    description: label(
      'Clients with at least three won deals.',
      'Клиенты с тремя и более успешными сделками.',
      'Klienci z co najmniej trzema wygranymi transakcjami.',
      'Clientes com pelo menos três negócios ganhos.',
      'Khách hàng có ít nhất ba giao dịch thành công.',
    ),
    filter: group(Combinator.AND, [deals(Quantifier.AT_LEAST, [status('WON')], 3)]),
  },
  {
    code: 'BIRTHDAY_NEXT_7_DAYS',
    name: label('Birthday in the next 7 days', 'День рождения в ближайшие 7 дней', 'Urodziny w ciągu 7 dni', 'Aniversário nos próximos 7 dias', 'Sinh nhật trong 7 ngày tới'),
    description: label(
      'Contacts whose birthday falls within the next week.',
      'Контакты, у которых день рождения в ближайшую неделю.',
      'Kontakty, które mają urodziny w najbliższym tygodniu.',
      'Contatos que fazem aniversário na próxima semana.',
      'Liên hệ có sinh nhật trong tuần tới.',
    ),
    filter: group(Combinator.AND, [rule('contact.birthdate', Op.IN_NEXT_DAYS, { number: 7 })]),
  },
];
