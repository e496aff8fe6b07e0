import { appMessages } from '@/layout/messages';
import { authMessages } from '@/auth/messages';
import { adminMessages } from '@/admin/common/messages';
import { auditMessages } from '@/admin/audit/messages';
import { customFieldsMessages } from '@/admin/custom-fields/messages';
import { pipelinesMessages } from '@/admin/pipelines/messages';
import { referenceListsMessages } from '@/admin/reference-lists/messages';
import { stopListMessages } from '@/admin/stop-list/messages';
import { tokensMessages } from '@/admin/tokens/messages';
import { usersMessages } from '@/admin/users/messages';
import { dashboardMessages } from '@/dashboard/messages';
import { segmentsMessages } from '@/segments/messages';
import { userErrorMessages } from '@/layout/user-error-messages';
import { segmentEditorMessages } from '@/segment-editor/messages';
import { staticSegmentMessages } from '@/static-segment/messages';
import type { Locale } from './locales';

/**
 * Every UI text, by namespace (one per domain folder, each owning its `messages.ts`) and language.
 * A component reads its namespace with `useTranslations('<namespace>')`. English is the reference:
 * messages.test.ts fails when another language lacks a key or has one English does not.
 */
export const MESSAGES_BY_NAMESPACE = {
  app: appMessages,
  auth: authMessages,
  dashboard: dashboardMessages,
  segments: segmentsMessages,
  userErrors: userErrorMessages,
  segmentEditor: segmentEditorMessages,
  admin: adminMessages,
  stopList: stopListMessages,
  referenceLists: referenceListsMessages,
  pipelines: pipelinesMessages,
  customFields: customFieldsMessages,
  staticSegment: staticSegmentMessages,
  users: usersMessages,
  tokens: tokensMessages,
  audit: auditMessages,
} as const;

export type Messages = { [N in keyof typeof MESSAGES_BY_NAMESPACE]: (typeof MESSAGES_BY_NAMESPACE)[N]['en'] };

/** The messages of one language, for the IntlProvider. */
export function messagesFor(locale: Locale): Messages {
  const result: Record<string, unknown> = {};
  for (const [namespace, byLocale] of Object.entries(MESSAGES_BY_NAMESPACE)) result[namespace] = byLocale[locale];
  return result as Messages;
}
