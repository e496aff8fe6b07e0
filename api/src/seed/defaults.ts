import type { Database } from '../db/orm';
import { fold } from '../filter/language/fold';
import { Pipeline } from '../deals/pipeline.entity';
import { Stage, StageSemantic } from '../deals/stage.entity';
import { LeadStatusSemantic, ReferenceItem, ReferenceList } from '../reference-lists/reference-item.entity';
import { BUILT_IN_ADMIN_EMAIL, User, UserRole } from '../users/user.entity';

type ItemDefault = readonly [code: string, label: string, semantic?: LeadStatusSemantic];

/** Bitrix24's out-of-the-box "Status and drop-down lists", which the source articles assume. */
export const DEFAULT_REFERENCE_ITEMS: Readonly<Record<ReferenceList, readonly ItemDefault[]>> = {
  [ReferenceList.CONTACT_TYPE]: [
    ['CLIENT', 'Client'],
    ['SUPPLIER', 'Supplier'],
    ['PARTNER', 'Partner'],
    ['OTHER', 'Other'],
  ],
  [ReferenceList.COMPANY_TYPE]: [
    ['CUSTOMER', 'Customer'],
    ['SUPPLIER', 'Supplier'],
    ['COMPETITOR', 'Competitor'],
    ['PARTNER', 'Partner'],
    ['OTHER', 'Other'],
  ],
  [ReferenceList.DEAL_TYPE]: [
    ['SALE', 'Sales'],
    ['COMPLEX', 'Integrated sale'],
    ['GOODS', 'Sale of goods'],
    ['SERVICES', 'Sale of services'],
    ['SERVICE', 'After-sales service'],
  ],
  [ReferenceList.SOURCE]: [
    ['CALL', 'Call'],
    ['EMAIL', 'E-mail'],
    ['WEB', 'Website'],
    ['ADVERTISING', 'Advertising'],
    ['PARTNER', 'Existing client'],
    ['RECOMMENDATION', 'By recommendation'],
    ['TRADE_SHOW', 'Show/exhibition'],
    ['WEBFORM', 'CRM form'],
    ['CALLBACK', 'Callback'],
    ['STORE', 'Online store'],
    ['OTHER', 'Other'],
  ],
  [ReferenceList.INDUSTRY]: [
    ['IT', 'Information technology'],
    ['TELECOM', 'Telecommunication'],
    ['MANUFACTURING', 'Manufacturing'],
    ['BANKING', 'Banking services'],
    ['CONSULTING', 'Consulting'],
    ['FINANCE', 'Finance'],
    ['GOVERNMENT', 'Government'],
    ['DELIVERY', 'Delivery'],
    ['ENTERTAINMENT', 'Entertainment'],
    ['NOTPROFIT', 'Not for profit'],
    ['OTHER', 'Other'],
  ],
  [ReferenceList.LEAD_STATUS]: [
    ['NEW', 'Unassigned', LeadStatusSemantic.IN_PROGRESS],
    ['IN_PROCESS', 'In progress', LeadStatusSemantic.IN_PROGRESS],
    ['PROCESSED', 'Processed', LeadStatusSemantic.IN_PROGRESS],
    ['CONVERTED', 'Good lead', LeadStatusSemantic.CONVERTED],
    ['JUNK', 'Junk lead', LeadStatusSemantic.JUNK],
  ],
};

/** Keys are database-generated; MikroORM only treats a PK named `id` as optional in `create`. */
export const PARTIAL = { partial: true } as const;

export const DEFAULT_PIPELINE_NAME = 'General';

export const DEFAULT_STAGES: ReadonlyArray<readonly [code: string, name: string, semantic: StageSemantic]> = [
  ['NEW', 'New', StageSemantic.IN_PROGRESS],
  ['PREPARATION', 'Preparing documents', StageSemantic.IN_PROGRESS],
  ['PREPAYMENT_INVOICE', 'Prepayment invoice', StageSemantic.IN_PROGRESS],
  ['EXECUTING', 'In progress', StageSemantic.IN_PROGRESS],
  ['FINAL_INVOICE', 'Final invoice', StageSemantic.IN_PROGRESS],
  ['WON', 'Deal won', StageSemantic.WON],
  ['LOSE', 'Deal lost', StageSemantic.LOST],
];

/**
 * Creates what a CRM cannot work without, when missing: the built-in administrator, the default
 * reference list items and the default pipeline. Safe to call on every start; existing rows
 * (possibly renamed by an admin) are left as they are. Returns the administrator's key.
 */
export async function ensureDefaults(db: Database): Promise<number> {
  const em = db.fork();
  const now = new Date();

  let admin = await em.findOne(User, { email: BUILT_IN_ADMIN_EMAIL });
  admin ??= em.create(User, { email: BUILT_IN_ADMIN_EMAIL, name: 'Administrator', nameFolded: fold('Administrator'), role: UserRole.ADMIN, active: true, createdAt: now, updatedAt: now }, PARTIAL);

  const existing = await em.find(ReferenceItem, {});
  const have = new Set(existing.map((item) => `${item.list}:${item.code}`));
  for (const list of Object.values(ReferenceList)) {
    DEFAULT_REFERENCE_ITEMS[list].forEach(([code, label, semantic], index) => {
      if (have.has(`${list}:${code}`)) return;
      em.create(ReferenceItem, { list, code, label, sort: (index + 1) * 10, semantic: semantic ?? null, createdAt: now, updatedAt: now }, PARTIAL);
    });
  }

  // A CRM whose admin deleted or renamed "General" still has a default pipeline: only an absent one is created.
  const defaultPipeline = await em.findOne(Pipeline, { isDefault: true });
  if (!defaultPipeline) {
    const pipeline = em.create(Pipeline, { name: DEFAULT_PIPELINE_NAME, sort: 10, isDefault: true, createdAt: now, updatedAt: now }, PARTIAL);
    DEFAULT_STAGES.forEach(([code, name, semantic], index) => {
      em.create(Stage, { pipeline, code, name, semantic, sort: (index + 1) * 10, createdAt: now, updatedAt: now }, PARTIAL);
    });
  }

  await em.flush();
  return admin.key;
}
