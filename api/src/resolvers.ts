import type { ClassType, NonEmptyArray } from 'type-graphql';
import type { NodeTypeName } from './domains';
import { ActivityResolver } from './activities/activity.resolver';
import { ApiTokenResolver } from './auth/api-token.resolver';
import { SignInResolver } from './auth/sign-in.resolver';
import { UserPasswordResolver } from './auth/user-password.resolver';
import { AuditEventResolver, SegmentAuditResolver } from './audit/audit.resolver';
import { NodeResolver } from './common/node.resolver';
import { CompanyResolver } from './companies/company.resolver';
import { ContactResolver } from './contacts/contact.resolver';
import { CustomFieldResolver } from './custom-fields/custom-field.resolver';
import { customFieldValueResolvers } from './custom-fields/custom-field-values.resolver';
import { DealResolver } from './deals/deal.resolver';
import { SegmentFieldsResolver } from './filtering/fields.resolver';
import { FilterCheckResolver } from './filtering/validate.resolver';
import { PipelineResolver } from './deals/pipeline.resolver';
import { LeadResolver } from './leads/lead.resolver';
import { OrderResolver, ProductResolver } from './products/product.resolver';
import { StopListResolver } from './recipients/stop-list.resolver';
import { ReferenceItemResolver } from './reference-lists/reference-item.resolver';
import { RecipientResolver, SegmentAudienceResolver, SegmentPreviewResolver } from './segments/segment-audience.resolver';
import { MembershipCheckResolver } from './segments/membership-check.resolver';
import { SegmentResolver } from './segments/segment.resolver';
import { SegmentTemplateResolver } from './segments/templates.resolver';
import { SegmentMemberResolver, StaticMembersResolver } from './segments/static-members.resolver';
import { StaticImportJobResolver } from './segments/static-import-jobs.resolver';
import { UserResolver } from './users/user.resolver';

/**
 * The resolvers serving each type of the manifest (domains.ts): its queries by id and lists, and
 * its writes. A node type without an entry here does not compile.
 */
const NODE_RESOLVERS = {
  User: [UserResolver, UserPasswordResolver],
  ApiToken: [ApiTokenResolver],
  ReferenceItem: [ReferenceItemResolver],
  // Stages are read and written through their pipeline.
  Pipeline: [PipelineResolver],
  Stage: [PipelineResolver],
  CustomField: [CustomFieldResolver, ...customFieldValueResolvers],
  Contact: [ContactResolver],
  Company: [CompanyResolver],
  Lead: [LeadResolver],
  Deal: [DealResolver],
  Product: [ProductResolver],
  Order: [OrderResolver],
  Activity: [ActivityResolver],
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
];
