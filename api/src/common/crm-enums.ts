import { registerEnumType } from 'type-graphql';

/**
 * The CRM's vocabulary for segments, shared by the domains that register what the filter engine
 * knows (segments/filtering/crm-model.ts) and by the GraphQL surface. The engine itself takes these as plain
 * strings: it knows scopes, sources and member types only through the registered model.
 */

/** What a segment's members are: rows of one of these kinds (see the domains' registrations). */
export type MemberType = 'contact' | 'company' | 'lead' | 'deal';

/** What a scoped group's rules test: one related record of the member. */
export enum FilterScope {
  DEALS = 'DEALS',
  PURCHASES = 'PURCHASES',
  ORDERS = 'ORDERS',
  ACTIVITIES = 'ACTIVITIES',
}
registerEnumType(FilterScope, { name: 'FilterScope' });

export enum SegmentSource {
  CLIENTS = 'CLIENTS',
  LEADS = 'LEADS',
}
registerEnumType(SegmentSource, { name: 'SegmentSource', description: 'Clients (contacts and/or companies) or leads.' });

export enum ClientType {
  CONTACT = 'CONTACT',
  COMPANY = 'COMPANY',
  ANY = 'ANY',
}
registerEnumType(ClientType, { name: 'ClientType' });
