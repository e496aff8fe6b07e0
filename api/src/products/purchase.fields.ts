import { field } from '../records/crm-field';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { FilterScope } from '../common/crm-enums';
import { label } from '../filter/language/labels';
import { foundInAccess } from './found-in';

/** `purchase.*`: one product row of the member's orders or deals. */
export const purchaseFields: FieldDef[] = [
  field({
    id: 'purchase.product',
    scope: FilterScope.PURCHASES,
    label: label('Product', 'Товар', 'Produkt', 'Produto', 'Sản phẩm'),
    type: T.PRODUCT,
    access: { kind: 'column', subject: 'purchase', column: 'product_id', columnKind: 'key' },
    values: { kind: 'products' },
    searchable: true,
  }),
  field({
    id: 'purchase.where',
    scope: FilterScope.PURCHASES,
    label: label('Find product in', 'Искать товар в', 'Szukaj produktu w', 'Procurar produto em', 'Tìm sản phẩm trong'),
    type: T.ENUM,
    operators: [Op.IN, Op.NOT_IN],
    access: foundInAccess,
    values: {
      kind: 'static',
      options: [
        { value: 'ANYWHERE', label: label('Anywhere', 'Везде', 'Wszędzie', 'Em qualquer lugar', 'Mọi nơi') },
        { value: 'PAID_ORDER', label: label('Paid orders', 'Оплаченные заказы', 'Opłacone zamówienia', 'Pedidos pagos', 'Đơn đã thanh toán') },
        { value: 'UNPAID_ORDER', label: label('Unpaid orders', 'Неоплаченные заказы', 'Nieopłacone zamówienia', 'Pedidos não pagos', 'Đơn chưa thanh toán') },
        { value: 'DEAL_IN_PROGRESS', label: label('Deals in progress', 'Сделки в работе', 'Deale w toku', 'Negócios em andamento', 'Giao dịch đang xử lý') },
        { value: 'DEAL_WON', label: label('Won deals', 'Успешные сделки', 'Wygrane deale', 'Negócios ganhos', 'Giao dịch thành công') },
        { value: 'DEAL_LOST', label: label('Lost deals', 'Проигранные сделки', 'Przegrane deale', 'Negócios perdidos', 'Giao dịch thất bại') },
      ],
    },
  }),
  field({
    id: 'purchase.quantity',
    scope: FilterScope.PURCHASES,
    label: label('Quantity', 'Количество', 'Ilość', 'Quantidade', 'Số lượng'),
    type: T.NUMBER,
    access: { kind: 'column', subject: 'purchase', column: 'quantity', columnKind: 'number' },
  }),
  field({
    id: 'purchase.price',
    scope: FilterScope.PURCHASES,
    label: label('Price', 'Цена', 'Cena', 'Preço', 'Giá'),
    type: T.NUMBER,
    access: { kind: 'column', subject: 'purchase', column: 'price', columnKind: 'number' },
  }),
];

/** `order.*`: one order of the member. */
export const orderFields: FieldDef[] = [
  field({
    id: 'order.paid',
    scope: FilterScope.ORDERS,
    label: label('Order paid', 'Заказ оплачен', 'Zamówienie opłacone', 'Pedido pago', 'Đơn đã thanh toán'),
    type: T.BOOLEAN,
    access: { kind: 'column', subject: 'order', column: 'paid', columnKind: 'boolean' },
  }),
  field({
    id: 'order.total',
    scope: FilterScope.ORDERS,
    label: label('Order total', 'Сумма заказа', 'Wartość zamówienia', 'Total do pedido', 'Tổng đơn hàng'),
    type: T.MONEY,
    access: { kind: 'column', subject: 'order', column: 'total', columnKind: 'number' },
  }),
  field({
    id: 'order.createdAt',
    scope: FilterScope.ORDERS,
    label: label('Order date', 'Дата заказа', 'Data zamówienia', 'Data do pedido', 'Ngày đặt hàng'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'order', column: 'created_at', columnKind: 'datetime' },
  }),
];
