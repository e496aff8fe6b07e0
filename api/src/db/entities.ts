import { Activity } from '../activities/activity.entity';
import { ApiToken } from '../auth/api-token.entity';
import { UserSession } from '../auth/user-session.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditedRecord } from '../common/audited-record.entity';
import { Record } from '../common/record.entity';
import { Communication } from '../communications/communication.entity';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { CustomFieldOption } from '../custom-fields/custom-field-option.entity';
import { CustomFieldValue } from '../custom-fields/custom-field-value.entity';
import { CustomField } from '../custom-fields/custom-field.entity';
import { Deal } from '../deals/deal.entity';
import { Pipeline } from '../deals/pipeline.entity';
import { Stage } from '../deals/stage.entity';
import { Lead } from '../leads/lead.entity';
import { Order } from '../products/order.entity';
import { ProductRow } from '../products/product-row.entity';
import { Product } from '../products/product.entity';
import { StopListEntry } from '../recipients/stop-list-entry.entity';
import { ReferenceItem } from '../reference-lists/reference-item.entity';
import { SegmentMember } from '../segments/segment-member.entity';
import { SegmentTag } from '../segments/segment-tag.entity';
import { SegmentVersion } from '../segments/segment-version.entity';
import { Segment } from '../segments/segment.entity';
import { User } from '../users/user.entity';

/** Every entity MikroORM manages; discovery is explicit so builds and tests need no folder scan. */
export const entities = [
  Record,
  AuditedRecord,
  User,
  ReferenceItem,
  Pipeline,
  Stage,
  Company,
  Contact,
  Lead,
  Deal,
  Communication,
  Product,
  Order,
  ProductRow,
  Activity,
  CustomField,
  CustomFieldOption,
  CustomFieldValue,
  StopListEntry,
  Segment,
  SegmentTag,
  SegmentVersion,
  SegmentMember,
  UserSession,
  ApiToken,
  AuditEvent,
];
