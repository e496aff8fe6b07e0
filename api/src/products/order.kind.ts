import type { ChildWrites } from '../records/child-writes';
import type { RecordKind } from '../records/record-kind';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { Order } from './order.entity';
import type { OrderInput } from './order.inputs';
import { prepareProductRows, replaceProductRows } from './product-row.writer';

export const orderKind: RecordKind<Order, OrderInput> = {
  entity: Order,
  noun: 'order',
  async prepare(input: OrderInput, ctx: WriteContext, path: Path, existing: Order | null) {
    const contact = await ctx.byIdOrExternalId(Contact, input.contactId, input.contactExternalId, path, 'contactId');
    const company = await ctx.byIdOrExternalId(Company, input.companyId, input.companyExternalId, path, 'companyId');
    const ownerGiven = [input.contactId, input.contactExternalId, input.companyId, input.companyExternalId].some((v) => v != null);
    const stillOwned = (contact === undefined ? existing?.contact : contact) ?? (company === undefined ? existing?.company : company);
    if (!ownerGiven && !stillOwned) {
      ctx.problem([...path, 'contactId'], UserErrorCode.REQUIRED, 'An order belongs to a contact or a company; give one.');
    }
    const productRows = await prepareProductRows(input.productRows, ctx, [...path, 'productRows']);
    const rowsTotal = productRows?.reduce((sum, row) => sum + row.quantity * row.price, 0);
    const paid = input.paid ?? undefined;
    return {
      changes: {
        externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
        contact,
        company,
        paid,
        paidAt: input.paidAt !== undefined ? input.paidAt : paid && !existing?.paidAt ? new Date() : undefined,
        total: ctx.nonNegative(input.total, [...path, 'total']) ?? rowsTotal,
        currency: ctx.currency(input.currency, [...path, 'currency']),
        createdAt: input.createdAt ?? undefined,
      },
      writeChildren(children: ChildWrites, order: Order) {
        if (productRows) replaceProductRows(children, 'order', order.key, productRows);
      },
    };
  },
};
