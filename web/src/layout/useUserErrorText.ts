'use client';

import { useCallback } from 'react';
import { useLocale, useTranslations } from 'use-intl';

/** The shape every mutation payload's `errors` share. */
export interface UserErrorLike {
  code: string;
  message: string;
  path: readonly string[];
  count?: number | null;
}

/**
 * Words for a UserError in the UI language: the API's (English, specific) message in English,
 * the translated text for its code elsewhere.
 */
export function useUserErrorText(): (error: UserErrorLike) => string {
  const locale = useLocale();
  const t = useTranslations('userErrors');
  return useCallback(
    (error: UserErrorLike) => {
      if (locale === 'en') return error.message;
      return t.has(error.code as 'fallback') ? t(error.code as 'IN_USE', { count: error.count ?? 0 }) : t('fallback');
    },
    [locale, t],
  );
}
