import type { LeadStatusSemantic, ReferenceList } from '@/graphql/gql/graphql';

/** The lists in the order the page offers them (the ones marketers touch most first). */
export const REFERENCE_LISTS: readonly ReferenceList[] = ['SOURCE', 'CONTACT_TYPE', 'COMPANY_TYPE', 'DEAL_TYPE', 'INDUSTRY', 'LEAD_STATUS'];

export const LEAD_STATUS_SEMANTICS: readonly LeadStatusSemantic[] = ['IN_PROGRESS', 'CONVERTED', 'JUNK'];
