import { names, segmentsInTheWay } from '../segments/usage';
import { ref } from '@mikro-orm/core';
import type { Context } from '../request/context';
import { inTransaction, type WriteResult } from '../records/crud.service';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import { CustomFieldOption } from '../custom-fields/custom-field-option.entity';
import { CustomField } from '../custom-fields/custom-field.entity';
import { CustomFieldType, LIST_TYPES } from '../custom-fields/custom-field.enums';
import type { CreateCustomFieldInput, CustomFieldOptionInput, UpdateCustomFieldInput, UpdateCustomFieldOptionInput } from '../custom-fields/custom-field.inputs';
import { make } from '../common/make';

const FIELD_CODE = /^UF_[A-Z0-9_]{1,61}$/;
const OPTION_CODE = /^[A-Z0-9_]{1,64}$/;

function checkLabel(label: string | undefined, path: string[], errors: UserError[]): string | undefined {
  if (label === undefined) return undefined;
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > 200) errors.push(UserError.of(path, UserErrorCode.INVALID, 'A label is 1 to 200 characters.'));
  return trimmed;
}

function checkOptions(options: CustomFieldOptionInput[], path: string[], taken: Set<string>, errors: UserError[]): void {
  options.forEach((option, index) => {
    const at = [...path, String(index)];
    if (!OPTION_CODE.test(option.code)) errors.push(UserError.of([...at, 'code'], UserErrorCode.INVALID, 'An option code is 1 to 64 of A-Z, 0-9 and _.'));
    else if (taken.has(option.code)) errors.push(UserError.of([...at, 'code'], UserErrorCode.DUPLICATE, `Option code ${option.code} is already used.`));
    taken.add(option.code);
    checkLabel(option.label, [...at, 'label'], errors);
  });
}

async function findField(ctx: Context, id: string): Promise<CustomField | null> {
  const key = keyOf(id, 'CustomField');
  return key === null ? null : ctx.em.findOne(CustomField, { key }, { populate: ['options'] });
}

const notFound = (id: string, path = 'id') => UserError.of([path], UserErrorCode.NOT_FOUND, `No custom field has the id "${id}".`);

export async function createField(ctx: Context, input: CreateCustomFieldInput): Promise<WriteResult<CustomField>> {
  const errors: UserError[] = [];
  const label = checkLabel(input.label, ['input', 'label'], errors);
  if (!FIELD_CODE.test(input.code)) {
    errors.push(UserError.of(['input', 'code'], UserErrorCode.INVALID, 'A field code is UF_ followed by A-Z, 0-9 or _ (e.g. UF_MEMBERSHIP_TYPE).'));
  } else if (await ctx.em.count(CustomField, { entity: input.entity, code: input.code })) {
    errors.push(UserError.of(['input', 'code'], UserErrorCode.DUPLICATE, `${input.entity.toLowerCase()} already has a field ${input.code}.`));
  }
  const options = input.options ?? [];
  if (options.length && !LIST_TYPES.has(input.type)) {
    errors.push(UserError.of(['input', 'options'], UserErrorCode.INVALID, 'Only LIST and MULTI_LIST fields have options.'));
  }
  checkOptions(options, ['input', 'options'], new Set(), errors);
  if (errors.length) return { entity: null, errors };
  const last = await ctx.em.findOne(CustomField, { entity: input.entity }, { orderBy: { sort: 'desc' } });
  const field = make(ctx.em, CustomField, {
    entity: input.entity,
    code: input.code,
    label: label!,
    type: input.type,
    sort: input.sort ?? (last ? last.sort + 10 : 10),
    // Free text holds whatever people type about a person (names, notes, addresses): personal unless said otherwise.
    personal: input.personal ?? input.type === CustomFieldType.STRING,
  });
  options.forEach((option, index) => make(ctx.em, CustomFieldOption, { field: ref(field), code: option.code, label: option.label.trim(), sort: option.sort ?? (index + 1) * 10 }));
  await ctx.em.flush();
  return { entity: field, errors: [] };
}

export async function updateField(ctx: Context, id: string, input: UpdateCustomFieldInput): Promise<WriteResult<CustomField>> {
  const field = await findField(ctx, id);
  if (!field) return { entity: null, errors: [notFound(id)] };
  const errors: UserError[] = [];
  const label = checkLabel(input.label, ['input', 'label'], errors);
  if (errors.length) return { entity: null, errors };
  if (label !== undefined) field.label = label;
  if (input.sort != null) field.sort = input.sort;
  if (input.personal != null) field.personal = input.personal;
  await ctx.em.flush();
  return { entity: field, errors: [] };
}

/** Adds, relabels, reorders and removes options in one go; removing an option clears it from records. */
export async function editOptions(ctx: Context, id: string, add: CustomFieldOptionInput[], update: UpdateCustomFieldOptionInput[], removeIds: string[]): Promise<WriteResult<CustomField>> {
  const field = await findField(ctx, id);
  if (!field) return { entity: null, errors: [notFound(id)] };
  const errors: UserError[] = [];
  if (!LIST_TYPES.has(field.type)) errors.push(UserError.of(['id'], UserErrorCode.INVALID, 'Only LIST and MULTI_LIST fields have options.'));
  const options = new Map(field.options.getItems().map((o) => [o.key, o]));
  const resolve = (optionId: string, path: string[]) => {
    const option = options.get(keyOf(optionId, 'CustomFieldOption') ?? -1);
    if (!option) errors.push(UserError.of(path, UserErrorCode.NOT_FOUND, `The field has no option with the id "${optionId}".`));
    return option;
  };
  const removed = removeIds.map((optionId, index) => resolve(optionId, ['removeIds', String(index)]));
  const remaining = new Set([...options.values()].filter((o) => !removed.includes(o)).map((o) => o.code));
  checkOptions(add, ['add'], remaining, errors);
  const updates = update.map((u, index) => ({ u, option: resolve(u.id, ['update', String(index), 'id']), label: checkLabel(u.label, ['update', String(index), 'label'], errors) }));
  if (errors.length) return { entity: null, errors };
  const removedCodes = removed.filter(Boolean).map((o) => o!.code);
  const fieldId = `custom.${field.entity.toLowerCase()}.${field.code}`;
  const inSegments = removedCodes.length ? await segmentsInTheWay(ctx, (rule) => rule.field === fieldId && names(rule, removedCodes), `options of "${field.label}" being removed`) : [];
  if (inSegments.length) return { entity: null, errors: inSegments.map((e) => Object.assign(e, { path: ['removeIds'] })) };
  await inTransaction(ctx.em, async () => {
    for (const option of removed) ctx.em.remove(option!);
    for (const { u, option, label } of updates) {
      if (label !== undefined) option!.label = label;
      if (u.sort != null) option!.sort = u.sort;
    }
    const lastSort = Math.max(0, ...[...options.values()].map((o) => o.sort));
    add.forEach((option, index) => make(ctx.em, CustomFieldOption, { field: ref(field), code: option.code, label: option.label.trim(), sort: option.sort ?? lastSort + (index + 1) * 10 }));
    await ctx.em.flush();
  });
  await field.options.init({ refresh: true });
  return { entity: field, errors: [] };
}

/** Deletes the field and every value stored for it (the database cascades the values). */
export async function deleteField(ctx: Context, id: string): Promise<UserError[]> {
  const field = await findField(ctx, id);
  if (!field) return [notFound(id)];
  const fieldId = `custom.${field.entity.toLowerCase()}.${field.code}`;
  const inSegments = await segmentsInTheWay(ctx, (rule) => rule.field === fieldId, `the field "${field.label}"`);
  if (inSegments.length) return inSegments;
  await ctx.em.nativeDelete(CustomField, { key: field.key });
  return [];
}
