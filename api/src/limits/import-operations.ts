import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';

/**
 * Mutations that carry bulk data and so may use the larger import body limit (MAX_IMPORT_BYTES):
 * import texts (static segments, the stop list), members added in bulk and the bulk upserts
 * (up to MAX_BULK_ROWS rows). A test keeps this list in step with the schema.
 */
export const IMPORT_MUTATIONS: ReadonlySet<string> = new Set([
  'importStaticSegment',
  'startStaticSegmentImport',
  'importStopList',
  'addStaticSegmentMembers',
  'upsertActivities',
  'upsertCompanies',
  'upsertContacts',
  'upsertDeals',
  'upsertLeads',
  'upsertOrders',
  'upsertProducts',
]);

/** Whether every operation in the document is a mutation whose top-level fields are all imports. */
export function isImportDocument(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every(
      (op) => op.operation === OperationTypeNode.MUTATION && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || IMPORT_MUTATIONS.has(s.name.value))),
    )
  );
}

/**
 * Whether a parsed /graphql body (one operation or a batch) asks only for import mutations.
 * Anything unreadable is "not an import": it then gets the small limit.
 */
export function isImportRequestBody(body: unknown, maxTokens: number): boolean {
  const operations = Array.isArray(body) ? body : [body];
  return (
    operations.length > 0 &&
    operations.every((operation) => {
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query !== 'string') return false;
      try {
        return isImportDocument(parse(query, { noLocation: true, maxTokens }));
      } catch {
        return false;
      }
    })
  );
}
