'use client';

import { useCallback } from 'react';
import { useLocale, useTranslations } from 'use-intl';

const KNOWN = new Set(['INVALID_EMAIL', 'INVALID_PHONE', 'REQUIRED', 'INVALID']);

/**
 * Words for a rejected line: the API's reason (English, quoting the line) in English, the
 * translated words for its code in other languages (the line itself is shown next to it).
 */
export function useRejectedReason(): (line: { reason: string; code: string }) => string {
  const locale = useLocale();
  const t = useTranslations('staticSegment.reasons');
  return useCallback((line) => (locale === 'en' || !KNOWN.has(line.code) ? line.reason : t(line.code as 'INVALID')), [locale, t]);
}
