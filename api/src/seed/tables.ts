/**
 * Column lists of the bulk-loaded tables, in the order generators fill their row arrays. Kinds
 * tell the writers how to encode a value per engine (timestamps travel as epoch milliseconds).
 */
export type ColumnKind = 'int' | 'float' | 'text' | 'ts' | 'date' | 'bool';
export type Cell = string | number | boolean | null;
export type Row = Cell[];

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly kinds: readonly ColumnKind[];
}

function table(name: string, spec: string): TableSpec {
  const pairs = spec
    .trim()
    .split(/\s+/)
    .map((entry) => entry.split(':') as [string, ColumnKind]);
  return { name, columns: pairs.map(([column]) => column), kinds: pairs.map(([, kind]) => kind) };
}

const AUDIT = 'created_at:ts updated_at:ts created_by_id:int updated_by_id:int';

export const T = {
  product: table('product', `id:int external_id:text name:text name_folded:text sku:text price:float currency:text active:bool ${AUDIT}`),
  company: table(
    'company',
    `id:int external_id:text title:text title_folded:text type_id:int industry_id:int source_id:int revenue:float employees:int
     responsible_id:int city:text city_folded:text country:text country_folded:text last_activity_at:ts ${AUDIT}`,
  ),
  contact: table(
    'contact',
    `id:int external_id:text first_name:text first_name_folded:text last_name:text last_name_folded:text second_name:text
     birthdate:date birth_month_day:int gender:text type_id:int source_id:int responsible_id:int city:text city_folded:text
     country:text country_folded:text company_id:int last_activity_at:ts ${AUDIT}`,
  ),
  lead: table(
    'lead',
    `id:int external_id:text title:text title_folded:text first_name:text first_name_folded:text last_name:text last_name_folded:text
     status_id:int status_semantic:text source_id:int converted:bool responsible_id:int amount:float currency:text city:text
     city_folded:text contact_id:int company_id:int last_activity_at:ts ${AUDIT}`,
  ),
  deal: table(
    'deal',
    `id:int external_id:text title:text title_folded:text pipeline_id:int stage_id:int stage_semantic:text amount:float currency:text
     type_id:int responsible_id:int contact_id:int company_id:int closed_at:ts ${AUDIT}`,
  ),
  communication: table('communication', 'id:int channel:text value_type:text value:text normalized:text contact_id:int company_id:int lead_id:int created_at:ts'),
  order: table('crm_order', `id:int external_id:text contact_id:int company_id:int paid:bool total:float currency:text paid_at:ts ${AUDIT}`),
  productRow: table('product_row', 'id:int product_id:int deal_id:int order_id:int quantity:float price:float'),
  activity: table(
    'activity',
    `id:int external_id:text type:text subject:text completed:bool completed_at:ts deadline:ts responsible_id:int contact_id:int
     company_id:int lead_id:int deal_id:int ${AUDIT}`,
  ),
  customValue: table('custom_field_value', 'id:int field_id:int record_id:int string_value:text string_folded:text number_value:float date_value:date boolean_value:bool option_id:int'),
  stopList: table('stop_list_entry', 'id:int channel:text address:text reason:text note:text created_by_id:int created_at:ts'),
} as const;

export type TableKey = keyof typeof T;

/** One generated chunk: rows per table (parents listed before the tables that reference them). */
export type Batch = Partial<Record<TableKey, Row[]>>;
