import type { ClassType, NonEmptyArray } from 'type-graphql';
import { NODE_TYPES, type NodeTypeName } from './domains';
import { activityResolver } from './activities/activity.resolver';
import { ApiTokenResolver } from './accounts/api-token.resolver';
import { SignInResolver } from './accounts/sign-in.resolver';
import { UserPasswordResolver } from './accounts/user-password.resolver';
import { AuditEventResolver } from './audit/audit.resolver';
import { AuditEventSegmentResolver, SegmentAuditResolver } from './segments/segment-audit.resolver';
import { NodeResolver } from './node.resolver';
import { companyResolver } from './companies/company.resolver';
import { contactResolver } from './contacts/contact.resolver';
import { CustomFieldResolver } from './settings/custom-field.resolver';
import { customFieldsResolver } from './custom-fields/custom-field-values.resolver';
import { CustomFieldEntity } from './custom-fields/custom-field.enums';
import { Company } from './companies/company.entity';
import { Contact } from './contacts/contact.entity';
import { Deal } from './deals/deal.entity';
import { Lead } from './leads/lead.entity';
import { dealResolver } from './deals/deal.resolver';
import { SegmentFieldsResolver } from './segments/filtering/fields.resolver';
import { listFilter } from './segments/filtering/list-filter';
import { FilterCheckResolver } from './segments/filtering/validate.resolver';
import { PipelineResolver } from './settings/pipeline.resolver';
import { leadResolver } from './leads/lead.resolver';
import { orderResolver, productResolver } from './products/product.resolver';
import { StopListResolver } from './recipients/stop-list.resolver';
import { ReferenceItemResolver } from './settings/reference-item.resolver';
import { RecipientResolver, SegmentAudienceResolver, SegmentPreviewResolver } from './segments/segment-audience.resolver';
import { MembershipCheckResolver } from './segments/membership-check.resolver';
import { SegmentResolver } from './segments/segment.resolver';
import { SegmentMembershipResolver } from './segments/membership.resolver';
import { SegmentSizeHistoryResolver } from './segments/size-history';
import { FrozenAudienceResolver } from './segments/frozen-audiences';
import { WebhookDeliveryResolver, WebhookResolver } from './webhooks/webhook.resolver';
import { MemberEdgeResolver, MembershipChangeResolver, SegmentMembershipChangesResolver } from './segments/membership-changes.resolver';
import { SegmentTemplateResolver } from './segments/templates.resolver';
import { SegmentMemberResolver, StaticMembersResolver } from './segments/static-members.resolver';
import { StaticImportJobResolver } from './segments/static-import-jobs.resolver';
import { userResolver } from './accounts/user.resolver';

/**
 * The resolvers serving each type of the manifest (domains.ts): its queries by id and lists, and
 * its writes. A node type without an entry here does not compile. The record types' resolvers are
 * made here: this is where the manifest's entries and the list filter (which composes the record
 * kinds) meet them.
 */
const NODE_RESOLVERS = {
  User: [userResolver(NODE_TYPES.User), UserPasswordResolver],
  ApiToken: [ApiTokenResolver],
  ReferenceItem: [ReferenceItemResolver],
  // Stages are read and written through their pipeline.
  Pipeline: [PipelineResolver],
  Stage: [PipelineResolver],
  CustomField: [CustomFieldResolver],
  Contact: [contactResolver(NODE_TYPES.Contact, listFilter), customFieldsResolver(Contact, CustomFieldEntity.CONTACT)],
  Company: [companyResolver(NODE_TYPES.Company, listFilter), customFieldsResolver(Company, CustomFieldEntity.COMPANY)],
  Lead: [leadResolver(NODE_TYPES.Lead, listFilter), customFieldsResolver(Lead, CustomFieldEntity.LEAD)],
  Deal: [dealResolver(NODE_TYPES.Deal, listFilter), customFieldsResolver(Deal, CustomFieldEntity.DEAL)],
  Product: [productResolver(NODE_TYPES.Product)],
  Order: [orderResolver(NODE_TYPES.Order)],
  Activity: [activityResolver(NODE_TYPES.Activity)],
  Segment: [
    SegmentResolver,
    SegmentAudienceResolver,
    SegmentPreviewResolver,
    RecipientResolver,
    StaticMembersResolver,
    SegmentMemberResolver,
    StaticImportJobResolver,
    SegmentTemplateResolver,
    MembershipCheckResolver,
    SegmentAuditResolver,
    AuditEventSegmentResolver,
    SegmentMembershipResolver,
    SegmentSizeHistoryResolver,
    FrozenAudienceResolver,
    SegmentMembershipChangesResolver,
    MembershipChangeResolver,
    MemberEdgeResolver,
  ],
} as const satisfies Record<NodeTypeName, readonly ClassType[]>;

/** Every resolver class of the API; the schema is built from this list. */
export const resolvers: NonEmptyArray<ClassType> = [
  NodeResolver,
  SignInResolver,
  ...new Set(Object.values(NODE_RESOLVERS).flat()),
  StopListResolver,
  SegmentFieldsResolver,
  FilterCheckResolver,
  AuditEventResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
];
