/**
 * Typenames of the segment builder's field catalog (segmentFields, filterValues). urql's document
 * cache refetches a cached result only for typenames a mutation returns, and admin mutations
 * return ReferenceItem, Stage, CustomField…: naming these too makes the builder ask again after any
 * admin change, so the change shows up there at once even after client-side navigation.
 */
export const BUILDER_TYPENAMES = ['SegmentField', 'FieldValue', 'FieldValueConnection'] as const;

/** The urql context of an admin mutation: what it changes, plus the builder's catalog. */
export function changes(...typenames: string[]): { additionalTypenames: string[] } {
  return { additionalTypenames: [...typenames, ...BUILDER_TYPENAMES] };
}
