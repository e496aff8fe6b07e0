import type { SqlEntityManager } from '@mikro-orm/knex';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import type { ChildWrites } from '../records/child-writes';
import { fold } from '../filter/language/fold';
import { CustomFieldValue } from './custom-field-value.entity';
import { CustomField } from './custom-field.entity';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';
import type { CustomFieldValueInput } from './custom-field.inputs';

export interface FieldDefinition {
  field: CustomField;
  optionKeysByCode: Map<string, number>;
}

/** The custom fields of an entity by code, loaded once per request. */
export async function definitionsOf(ctx: Pick<WriteContext, 'em' | 'loaders'>, entity: CustomFieldEntity): Promise<Map<string, FieldDefinition>> {
  return ctx.loaders
    .get<CustomFieldEntity, Map<string, FieldDefinition>>('customFieldDefinitions', async (entities) => {
      const fields = await ctx.em.find(CustomField, { entity: { $in: [...entities] } }, { populate: ['options'] });
      return entities.map((e) => new Map(fields.filter((f) => f.entity === e).map((f) => [f.code, { field: f, optionKeysByCode: new Map(f.options.getItems().map((o) => [o.code, o.key])) }])));
    })
    .load(entity);
}

type ValueRow = Omit<CustomFieldValue, 'key' | 'field' | 'recordId' | 'option'> & { option?: number | null };

export interface PreparedCustomValues {
  /** Field keys whose stored values are replaced (an empty value list clears the field). */
  fieldKeys: number[];
  rows: Array<ValueRow & { field: number }>;
}

function valueRowsFor(def: FieldDefinition, input: CustomFieldValueInput, ctx: WriteContext, path: Path): ValueRow[] | null {
  const wrong = (slot: string) => {
    ctx.problem(path, UserErrorCode.INVALID, `${def.field.code} is a ${def.field.type} field; give its value in "${slot}".`);
    return null;
  };
  const slots = { string: input.string, number: input.number, date: input.date, boolean: input.boolean, options: input.options };
  const usedSlots = Object.entries(slots)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
  const expected: Record<CustomFieldType, string> = {
    STRING: 'string',
    NUMBER: 'number',
    DATE: 'date',
    BOOLEAN: 'boolean',
    LIST: 'options',
    MULTI_LIST: 'options',
  };
  const slot = expected[def.field.type];
  if (usedSlots.some((s) => s !== slot)) return wrong(slot);
  if (usedSlots.length === 0) return [];
  switch (def.field.type) {
    case CustomFieldType.STRING: {
      const text = input.string!.trim();
      if (text.length > 1000) return wrong('string (at most 1000 characters)');
      return text ? [{ stringValue: text, stringFolded: fold(text) }] : [];
    }
    case CustomFieldType.NUMBER:
      return Number.isFinite(input.number) ? [{ numberValue: input.number }] : wrong('number');
    case CustomFieldType.DATE:
      return [{ dateValue: input.date!.toISOString().slice(0, 10) }];
    case CustomFieldType.BOOLEAN:
      return [{ booleanValue: input.boolean }];
    case CustomFieldType.LIST:
    case CustomFieldType.MULTI_LIST: {
      const codes = [...new Set(input.options)];
      if (def.field.type === CustomFieldType.LIST && codes.length > 1) {
        ctx.problem(path, UserErrorCode.INVALID, `${def.field.code} is a LIST field: choose one option.`);
        return null;
      }
      const unknown = codes.filter((c) => !def.optionKeysByCode.has(c));
      if (unknown.length) {
        ctx.problem(path, UserErrorCode.NOT_FOUND, `${unknown.join(', ')} ${unknown.length > 1 ? 'are not options' : 'is not an option'} of ${def.field.code}.`);
        return null;
      }
      return codes.map((c) => ({ option: def.optionKeysByCode.get(c) }));
    }
  }
}

/** Validates custom field values of one record; undefined = none given. */
export async function prepareCustomValues(entity: CustomFieldEntity, inputs: CustomFieldValueInput[] | null | undefined, ctx: WriteContext, path: Path): Promise<PreparedCustomValues | undefined> {
  if (inputs === undefined || inputs === null) return undefined;
  const definitions = await definitionsOf(ctx, entity);
  const prepared: PreparedCustomValues = { fieldKeys: [], rows: [] };
  inputs.forEach((input, index) => {
    const itemPath = [...path, index];
    const def = definitions.get(input.code);
    if (!def) {
      ctx.problem([...itemPath, 'code'], UserErrorCode.NOT_FOUND, `${entity.toLowerCase()} has no custom field ${input.code}.`);
      return;
    }
    if (prepared.fieldKeys.includes(def.field.key)) {
      ctx.problem([...itemPath, 'code'], UserErrorCode.DUPLICATE, `${input.code} is given twice.`);
      return;
    }
    const rows = valueRowsFor(def, input, ctx, itemPath);
    if (rows === null) return;
    prepared.fieldKeys.push(def.field.key);
    prepared.rows.push(...rows.map((row) => ({ ...row, field: def.field.key })));
  });
  return prepared;
}

/** Replaces the values of the fields the input named (records naming the same fields share statements). */
export function writeCustomValues(children: ChildWrites, recordKey: number, prepared: PreparedCustomValues): void {
  if (prepared.fieldKeys.length === 0) return;
  children.replace({
    entity: CustomFieldValue,
    owner: 'recordId',
    ownerKey: recordKey,
    also: { field: { $in: [...prepared.fieldKeys].sort((a, b) => a - b) } },
    rows: prepared.rows.map((row) => ({ ...row, recordId: recordKey })),
  });
}

/** Values of deleted records go with them (record_id has no foreign key: it spans four tables). */
export async function deleteCustomValuesOf(em: SqlEntityManager, entity: CustomFieldEntity, recordKeys: number[]): Promise<void> {
  const fields = await em.find(CustomField, { entity }, { fields: ['key'] });
  if (fields.length === 0 || recordKeys.length === 0) return;
  await em.nativeDelete(CustomFieldValue, { field: { $in: fields.map((f) => f.key) }, recordId: { $in: recordKeys } });
}
