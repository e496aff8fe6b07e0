/**
 * The README's integrator walk-through ("For integrators: from fields to recipients") as code that
 * CI type-checks (`npx tsc -p schema`) against the generated client, so the snippet cannot rot.
 * Plain fetch + `print` from graphql; urql, Apollo Client or graphql-request take the same documents.
 */
import { print } from 'graphql';
import {
  CreateSegmentDocument,
  ImportStaticSegmentDocument,
  PreviewSegmentDocument,
  SegmentCountsDocument,
  SegmentDocument,
  SegmentExportUrlDocument,
  SegmentFieldsDocument,
  SegmentRecipientsDocument,
  UpdateSegmentDocument,
  type FilterGroupInput,
  type RecipientPartsFragment,
  type SegmentRecipientsQuery,
  type TypedDocumentNode,
} from '../client';

const API = 'http://localhost:4000';

/** One GraphQL request; result and variables are typed by the document. */
export async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

export async function fromFieldsToRecipients(): Promise<RecipientPartsFragment[]> {
  // (a) Which fields may a filter use, with which operators and values?
  const { segmentFields } = await request(SegmentFieldsDocument, { source: 'CLIENTS', locale: 'en' });
  console.log(segmentFields.map((field) => `${field.id}: ${field.operators.join(' ')}`));

  // (b) Try a filter without saving it: problems, or counts and a first page.
  const filter: FilterGroupInput = {
    combinator: 'AND',
    rules: [
      { rule: { field: 'client.city', operator: 'EQ', value: { string: 'Kraków' } } },
      { rule: { field: 'client.communications', operator: 'HAS_ANY', value: { strings: ['EMAIL'] } } },
    ],
  };
  const { previewSegment } = await request(PreviewSegmentDocument, { input: { source: 'CLIENTS', filter } });
  if (previewSegment.errors.length) throw new Error(previewSegment.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n'));
  console.log(previewSegment.memberCount?.value, previewSegment.recipientCounts);

  // (c) Save it.
  const { createSegment } = await request(CreateSegmentDocument, { input: { name: 'Kraków, with e-mail', filter, tags: ['newsletter'] } });
  if (!createSegment.segment) throw new Error(createSegment.errors.map((e) => e.message).join('\n'));
  const id = createSegment.segment.id;

  // (d) Count it now. Without crm:read a small count comes back as { value: null, fewerThan: 10 }.
  const { segment } = await request(SegmentCountsDocument, { id });
  const shown = (count: { value?: number | null; fewerThan?: number | null } | null | undefined) => (count?.value ?? (count?.fewerThan ? `fewer than ${count.fewerThan}` : '—'));
  console.log(shown(segment?.memberCount), segment?.recipientCounts?.map((c) => `${c.channel}: ${shown(c)}`));

  // (e) Every e-mail recipient, 100 at a time (keyset cursors: stable while rows are inserted).
  const recipients: RecipientPartsFragment[] = [];
  let after: string | null = null;
  do {
    const data: SegmentRecipientsQuery = await request(SegmentRecipientsDocument, { id, channel: 'EMAIL', first: 100, after });
    const page = data.segment?.recipients;
    if (!page) break;
    recipients.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  // (f) Or the whole list as one CSV download (a signed link, valid for 5 minutes).
  const link = (await request(SegmentExportUrlDocument, { id, channel: 'EMAIL' })).segment?.exportUrl;
  if (link) console.log(await (await fetch(new URL(link, API))).text());

  return recipients;
}

/** (g) A static segment: a stored list of addresses, one per line, optionally `;Name`. */
export async function importAddresses(): Promise<string> {
  const { createSegment } = await request(CreateSegmentDocument, { input: { name: 'Fair visitors', kind: 'STATIC' } });
  if (!createSegment.segment) throw new Error(createSegment.errors.map((e) => e.message).join('\n'));
  const report = (await request(ImportStaticSegmentDocument, { id: createSegment.segment.id, text: 'anna@example.com;Anna Nowak\n+48 601 234 567;Jan Kowalski\nnot an address' })).importStaticSegment;
  console.log(`${report.imported} imported, ${report.invalidCount} rejected`, report.invalid.map((l) => `line ${l.line}: ${l.reason}`));
  return createSegment.segment.id;
}

/** (h) Rename a segment without losing a concurrent edit: send the version read; on VERSION_CONFLICT read again. */
export async function renameSegment(id: string, name: string): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = (await request(SegmentDocument, { id })).segment;
    if (!current) throw new Error(`no segment ${id}`);
    const { updateSegment } = await request(UpdateSegmentDocument, { input: { id, version: current.version, name } });
    if (updateSegment.segment) return updateSegment.segment.version;
    if (!updateSegment.errors.some((e) => e.code === 'VERSION_CONFLICT')) throw new Error(updateSegment.errors.map((e) => e.message).join('\n'));
  }
  throw new Error('the segment kept changing; try again later');
}
