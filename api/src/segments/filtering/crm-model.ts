import { activityFiltering } from '../../activities/activity.filtering';
import type { CrmDomain } from '../../common/crm-domain';
import type { MemberType } from '../../common/crm-enums';
import { communicationFiltering } from '../../communications/communication.filtering';
import { companyFiltering } from '../../companies/company.filtering';
import { contactFiltering } from '../../contacts/contact.filtering';
import { customFieldFiltering } from '../../custom-fields/custom-field.filtering';
import { dealFiltering } from '../../deals/deal.filtering';
import type { FieldDef } from '../../filter/model/catalog';
import { assembleModel, memberTable, type FilterModel } from '../../filter/model/model';
import { leadFiltering } from '../../leads/lead.filtering';
import { purchaseFiltering } from '../../products/purchase.filtering';
import { segmentFiltering } from '../definition/segment.filtering';

/**
 * Every domain that segments can test, in catalog order (their fields are listed in this order,
 * and so are the scopes in messages). A new record kind registers here and nowhere in filter/.
 */
export const CRM_DOMAINS: readonly CrmDomain[] = [
  contactFiltering,
  companyFiltering,
  dealFiltering,
  purchaseFiltering,
  activityFiltering,
  leadFiltering,
  segmentFiltering,
  communicationFiltering,
  customFieldFiltering,
];

/** What the filter engine knows of the CRM. */
export const crmModel: FilterModel = assembleModel(CRM_DOMAINS);

const missing = (['contact', 'company', 'lead', 'deal'] as const satisfies readonly MemberType[]).filter((m) => !crmModel.members[m]);
if (missing.length) throw new Error(`No domain registers the member types ${missing.join(', ')}.`);

/** Every standard field, contributed by the domains; the filter engine itself knows none of them. */
export const standardFields: FieldDef[] = CRM_DOMAINS.flatMap((d) => d.fields ?? []);

/** The table the rows of a member type live in (aliased `m` by the statements). */
export const tableOf = (member: MemberType): string => memberTable(crmModel, member);
