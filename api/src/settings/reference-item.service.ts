import { names, segmentsInTheWay } from '../segments/usage';
import type { Context } from '../request/context';
import { inTransaction, type WriteResult } from '../records/crud.service';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import { Lead } from '../leads/lead.entity';
import { LeadStatusSemantic, ReferenceItem, ReferenceList } from '../reference-lists/reference-item.entity';
import type { AddReferenceItemInput, UpdateReferenceItemInput } from '../reference-lists/reference-item.inputs';
import { countUsage, replaceUsage } from './reference-item.usage';
import { make } from '../common/make';

const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

function checkLabel(label: string | undefined, errors: UserError[]): string | undefined {
  if (label === undefined) return undefined;
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > 200) errors.push(UserError.of(['input', 'label'], UserErrorCode.INVALID, 'A label is 1 to 200 characters.'));
  return trimmed;
}

async function findItem(ctx: Context, id: string): Promise<ReferenceItem | null> {
  const key = keyOf(id, 'ReferenceItem');
  return key === null ? null : ctx.em.findOne(ReferenceItem, { key });
}

const notFound = (id: string, path = 'id') => UserError.of([path], UserErrorCode.NOT_FOUND, `No reference item has the id "${id}".`);

export async function addItem(ctx: Context, input: AddReferenceItemInput): Promise<WriteResult<ReferenceItem>> {
  const errors: UserError[] = [];
  const label = checkLabel(input.label, errors);
  if (!CODE.test(input.code)) errors.push(UserError.of(['input', 'code'], UserErrorCode.INVALID, 'A code is 1 to 64 letters, digits or _ . : -'));
  else if (await ctx.em.count(ReferenceItem, { list: input.list, code: input.code })) {
    errors.push(UserError.of(['input', 'code'], UserErrorCode.DUPLICATE, `${input.list} already has the code ${input.code}.`));
  }
  if (input.semantic && input.list !== ReferenceList.LEAD_STATUS) {
    errors.push(UserError.of(['input', 'semantic'], UserErrorCode.INVALID, 'Only lead statuses have a semantic.'));
  }
  if (errors.length) return { entity: null, errors };
  const last = await ctx.em.findOne(ReferenceItem, { list: input.list }, { orderBy: { sort: 'desc' } });
  const item = make(ctx.em, ReferenceItem, {
    list: input.list,
    code: input.code,
    label: label!,
    sort: input.sort ?? (last ? last.sort + 10 : 10),
    semantic: input.list === ReferenceList.LEAD_STATUS ? (input.semantic ?? LeadStatusSemantic.IN_PROGRESS) : null,
  });
  await ctx.em.flush();
  return { entity: item, errors: [] };
}

export async function updateItem(ctx: Context, id: string, input: UpdateReferenceItemInput): Promise<WriteResult<ReferenceItem>> {
  const item = await findItem(ctx, id);
  if (!item) return { entity: null, errors: [notFound(id)] };
  const errors: UserError[] = [];
  const label = checkLabel(input.label, errors);
  if (input.semantic && item.list !== ReferenceList.LEAD_STATUS) {
    errors.push(UserError.of(['input', 'semantic'], UserErrorCode.INVALID, 'Only lead statuses have a semantic.'));
  }
  if (errors.length) return { entity: null, errors };
  await inTransaction(ctx.em, async () => {
    if (label !== undefined) item.label = label;
    if (input.sort != null) item.sort = input.sort;
    if (input.semantic && input.semantic !== item.semantic) {
      item.semantic = input.semantic;
      // Leads carry their status's semantic for indexed filtering; keep them in step.
      await ctx.em.nativeUpdate(Lead, { status: item.key }, { statusSemantic: input.semantic });
    }
    await ctx.em.flush();
  });
  return { entity: item, errors: [] };
}

export async function reorderItems(ctx: Context, list: ReferenceList, ids: string[]): Promise<{ items: ReferenceItem[]; errors: UserError[] }> {
  const items = await ctx.em.find(ReferenceItem, { list }, { orderBy: { sort: 'asc', key: 'asc' } });
  const keys = ids.map((id) => keyOf(id, 'ReferenceItem'));
  const byKey = new Map(items.map((i) => [i.key, i]));
  const complete = keys.length === items.length && new Set(keys).size === keys.length && keys.every((k) => k !== null && byKey.has(k));
  if (!complete) {
    return { items, errors: [UserError.of(['ids'], UserErrorCode.INVALID, `Give every item of ${list} exactly once, in the new order.`)] };
  }
  keys.forEach((key, index) => {
    byKey.get(key!)!.sort = (index + 1) * 10;
  });
  await ctx.em.flush();
  return { items: keys.map((k) => byKey.get(k!)!), errors: [] };
}

export async function deleteItem(ctx: Context, id: string, replacementId: string | null): Promise<UserError[]> {
  const item = await findItem(ctx, id);
  if (!item) return [notFound(id)];
  let replacement: ReferenceItem | null = null;
  if (replacementId) {
    replacement = await findItem(ctx, replacementId);
    if (replacement?.list !== item.list || replacement.key === item.key) {
      return [UserError.of(['replacementId'], UserErrorCode.INVALID, `The replacement must be another value of the ${item.list} list.`)];
    }
  }
  const inSegments = await segmentsInTheWay(ctx, (rule, def) => def?.values?.kind === 'reference' && def.values.list === item.list && names(rule, [item.code]), `"${item.label}"`);
  if (inSegments.length) return inSegments;
  const used = await countUsage(ctx.em, item);
  if (used > 0 && !replacement) {
    return [UserError.of(['id'], UserErrorCode.IN_USE, `${used} record(s) use "${item.label}". Choose a replacement value for them, then delete.`, used)];
  }
  await inTransaction(ctx.em, async () => {
    if (replacement && used > 0) await replaceUsage(ctx.em, item, replacement);
    ctx.em.remove(item);
    await ctx.em.flush();
  });
  return [];
}
