/**
 * The small, hand-made part of the demo CRM, created through the ORM: employees, the extra
 * pipelines and the custom fields. Returns everything the bulk generators refer to by id.
 */
import { fold } from '../filter/language/fold';
import { itemAt } from '../lib/indexed';
import { CustomFieldOption } from '../custom-fields/custom-field-option.entity';
import { CustomField } from '../custom-fields/custom-field.entity';
import { CustomFieldEntity, CustomFieldType } from '../custom-fields/custom-field.enums';
import type { Database } from '../db/orm';
import { Pipeline } from '../deals/pipeline.entity';
import { Stage, StageSemantic } from '../deals/stage.entity';
import { LeadStatusSemantic, ReferenceItem, ReferenceList } from '../reference-lists/reference-item.entity';
import { User, UserRole } from '../users/user.entity';
import { PARTIAL } from './defaults';
import { ascii } from './names';
import { person } from './plan';
import { hash, Rng, Weighted } from './random';

export interface StageRef {
  id: number;
  semantic: StageSemantic;
}
export type PipelineKind = 'general' | 'wholesale' | 'gym';
export interface PipelinePlan {
  id: number;
  kind: PipelineKind;
  stages: Weighted<StageRef>;
}
export interface FieldRef {
  id: number;
  /** Option ids in the order the options were declared. */
  options: number[];
}

export interface Setup {
  userIds: number[];
  refs: {
    contactType: Weighted<number | null>;
    companyType: Weighted<number | null>;
    dealType: Weighted<number | null>;
    servicesDealType: number | null;
    source: Weighted<number | null>;
    industry: Weighted<number | null>;
    leadStatus: Weighted<{ id: number; semantic: LeadStatusSemantic }>;
  };
  pipelines: Weighted<PipelinePlan>;
  fields: Record<(typeof FIELDS)[number][1], FieldRef>;
}

const FIELDS = [
  [CustomFieldEntity.CONTACT, 'UF_LOYALTY', 'Loyalty level', CustomFieldType.LIST, 'BRONZE:Bronze SILVER:Silver GOLD:Gold PLATINUM:Platinum'],
  [CustomFieldEntity.CONTACT, 'UF_NEWSLETTER', 'Newsletter subscriber', CustomFieldType.BOOLEAN, ''],
  [
    CustomFieldEntity.CONTACT,
    'UF_INTERESTS',
    'Interests',
    CustomFieldType.MULTI_LIST,
    'SPORTS:Sports TRAVEL:Travel TECHNOLOGY:Technology FASHION:Fashion FOOD:Food MUSIC:Music BOOKS:Books FITNESS:Fitness',
  ],
  [CustomFieldEntity.COMPANY, 'UF_TIER', 'Tier', CustomFieldType.STRING, ''],
  [CustomFieldEntity.DEAL, 'UF_MEMBERSHIP_TYPE', 'Membership type', CustomFieldType.LIST, 'MONTHLY:Monthly QUARTERLY:Quarterly ANNUAL:Annual'],
  [CustomFieldEntity.DEAL, 'UF_RENEWAL_DATE', 'Renewal date', CustomFieldType.DATE, ''],
  [CustomFieldEntity.LEAD, 'UF_BUDGET', 'Budget', CustomFieldType.NUMBER, ''],
] as const;

const EXTRA_PIPELINES: ReadonlyArray<readonly [PipelineKind, string, string]> = [
  ['wholesale', 'Wholesale', 'NEW:New request QUOTE:Quote sent NEGOTIATION:Negotiation CONTRACT:Contract signed WON:Shipped and paid LOSE:Lost'],
  ['gym', 'Gym memberships', 'TRIAL:Trial visit OFFER:Offer made PAYMENT:Awaiting payment WON:Member LOSE:Declined'],
];

const PIPELINE_SHARE: Readonly<Record<PipelineKind, number>> = { general: 70, wholesale: 15, gym: 15 };

/** "A:First label B:Second" → [['A', 'First label'], ['B', 'Second']]. */
function codes(spec: string): Array<[string, string]> {
  return [...spec.matchAll(/([A-Z_]+):([^:]+?)(?=\s+[A-Z_]+:|$)/g)].map((m) => [itemAt(m, 1), itemAt(m, 2)]);
}

function semanticOf(code: string): StageSemantic {
  return code === 'WON' ? StageSemantic.WON : code === 'LOSE' ? StageSemantic.LOST : StageSemantic.IN_PROGRESS;
}

/** In progress 40% spread over the open stages, won 35%, lost 25%. */
function stageWeights(stages: StageRef[]): Weighted<StageRef> {
  const open = stages.filter((s) => s.semantic === StageSemantic.IN_PROGRESS).length || 1;
  const share = { [StageSemantic.IN_PROGRESS]: 40 / open, [StageSemantic.WON]: 35, [StageSemantic.LOST]: 25 };
  return new Weighted(stages.map((s) => [s, share[s.semantic]] as const));
}

export async function createSetup(db: Database, seed: number, userCount: number, now: Date): Promise<Setup> {
  const em = db.fork();
  const rng = new Rng(hash(seed, 0x5e7));
  const stamp = { createdAt: now, updatedAt: now };

  const existingUsers = new Set((await em.find(User, {})).map((u) => u.email));
  for (let i = 0; i < userCount; i++) {
    const who = person(rng, rng.pick(['en', 'ru', 'pl', 'pt', 'vi'] as const));
    const name = `${who.first} ${who.last}`;
    const email = `${ascii(who.first)}.${ascii(who.last)}.${i + 1}@segmenta.local`;
    if (existingUsers.has(email)) continue;
    const role = i === 0 ? UserRole.ADMIN : i % 10 === 9 ? UserRole.VIEWER : UserRole.MARKETER;
    em.create(User, { email, name, nameFolded: fold(name), role, active: i % 20 !== 19, ...stamp }, PARTIAL);
  }

  const pipelines = await em.find(Pipeline, {});
  EXTRA_PIPELINES.forEach(([, name, stages], index) => {
    if (pipelines.some((p) => p.name === name)) return;
    const pipeline = em.create(Pipeline, { name, sort: (index + 2) * 10, isDefault: false, ...stamp }, PARTIAL);
    codes(stages).forEach(([code, label], i) => em.create(Stage, { pipeline, code, name: label, sort: (i + 1) * 10, semantic: semanticOf(code), ...stamp }, PARTIAL));
  });

  const fields = await em.find(CustomField, {});
  FIELDS.forEach(([entity, code, label, type, options], index) => {
    if (fields.some((f) => f.entity === entity && f.code === code)) return;
    const field = em.create(CustomField, { entity, code, label, type, sort: (index + 1) * 10, ...stamp }, PARTIAL);
    codes(options).forEach(([optionCode, optionLabel], i) => em.create(CustomFieldOption, { field, code: optionCode, label: optionLabel, sort: (i + 1) * 10 }, PARTIAL));
  });
  await em.flush();
  return readSetup(db);
}

async function readSetup(db: Database): Promise<Setup> {
  const em = db.fork();
  const users = await em.find(User, { email: { $like: '%@segmenta.local' }, role: { $ne: UserRole.VIEWER } }, { orderBy: { key: 'asc' } });
  const userIds = users.filter((u) => u.email !== 'admin@segmenta.local').map((u) => u.key);
  if (userIds.length === 0) userIds.push(...users.map((u) => u.key));

  const items = await em.find(ReferenceItem, {}, { orderBy: { key: 'asc' } });
  const ref = (list: ReferenceList, weights: Record<string, number>, none = 0) =>
    new Weighted<number | null>([
      ...items.flatMap((i) => {
        const weight = weights[i.code];
        return i.list === list && weight ? [[i.key, weight] as const] : [];
      }),
      [null, none],
    ]);
  const statuses = items.filter((i) => i.list === ReferenceList.LEAD_STATUS);
  const statusWeights: Record<string, number> = { NEW: 25, IN_PROCESS: 20, PROCESSED: 10, CONVERTED: 30, JUNK: 15 };

  const pipelines = await em.find(Pipeline, {}, { orderBy: { sort: 'asc', key: 'asc' }, populate: ['stages'] });
  const plans: Array<readonly [PipelinePlan, number]> = [];
  for (const p of pipelines) {
    const kind: PipelineKind | undefined = p.isDefault ? 'general' : EXTRA_PIPELINES.find(([, name]) => name === p.name)?.[0];
    const stages = p.stages.getItems().map((s) => ({ id: s.key, semantic: s.semantic }));
    if (kind && stages.length > 0) plans.push([{ id: p.key, kind, stages: stageWeights(stages) }, PIPELINE_SHARE[kind]]);
  }

  const fields = await em.find(CustomField, {}, { populate: ['options'] });
  const fieldRefs = {} as Setup['fields'];
  for (const [entity, code] of FIELDS) {
    const field = fields.find((f) => f.entity === entity && f.code === code);
    if (!field) throw new Error(`custom field ${entity}.${code} is missing`);
    fieldRefs[code] = {
      id: field.key,
      options: field.options
        .getItems()
        .sort((a, b) => a.sort - b.sort || a.key - b.key)
        .map((o) => o.key),
    };
  }

  return {
    userIds,
    refs: {
      contactType: ref(ReferenceList.CONTACT_TYPE, { CLIENT: 70, SUPPLIER: 8, PARTNER: 10, OTHER: 7 }, 5),
      companyType: ref(ReferenceList.COMPANY_TYPE, { CUSTOMER: 60, SUPPLIER: 12, COMPETITOR: 5, PARTNER: 13, OTHER: 5 }, 5),
      dealType: ref(ReferenceList.DEAL_TYPE, { SALE: 45, COMPLEX: 10, GOODS: 25, SERVICES: 15, SERVICE: 5 }, 5),
      servicesDealType: items.find((i) => i.list === ReferenceList.DEAL_TYPE && i.code === 'SERVICES')?.key ?? null,
      source: ref(ReferenceList.SOURCE, { CALL: 14, EMAIL: 10, WEB: 22, ADVERTISING: 9, PARTNER: 6, RECOMMENDATION: 10, TRADE_SHOW: 4, WEBFORM: 12, CALLBACK: 5, STORE: 5, OTHER: 3 }, 6),
      industry: ref(
        ReferenceList.INDUSTRY,
        { IT: 18, TELECOM: 6, MANUFACTURING: 16, BANKING: 4, CONSULTING: 10, FINANCE: 6, GOVERNMENT: 3, DELIVERY: 9, ENTERTAINMENT: 6, NOTPROFIT: 3, OTHER: 12 },
        7,
      ),
      leadStatus: new Weighted(statuses.map((s) => [{ id: s.key, semantic: s.semantic ?? LeadStatusSemantic.IN_PROGRESS }, statusWeights[s.code] ?? 5] as const)),
    },
    pipelines: new Weighted(plans),
    fields: fieldRefs,
  };
}
