import type { Actor } from '../../auth/actor';
import type { TestApi } from '../../../test/api';

export const EVENT_FIELDS = 'id occurredAt action actorLabel viaApiToken actor { id name } subjectType subjectId subjectName details segment { id name }';

export interface EventNode {
  id: string;
  occurredAt: string;
  action: string;
  actorLabel: string | null;
  viaApiToken: boolean;
  actor: { id: string; name: string } | null;
  subjectType: string;
  subjectId: string | null;
  subjectName: string | null;
  details: Record<string, unknown> | null;
  segment: { id: string; name: string } | null;
}

/** Every event, newest first (the tests stay under one page). */
export async function allEvents(api: TestApi, filter?: Record<string, unknown>): Promise<EventNode[]> {
  const data = await api.exec(`query($f: AuditEventFilter) { auditEvents(first: 500, filter: $f) { edges { node { ${EVENT_FIELDS} } } } }`, { f: filter ?? null });
  return data.auditEvents.edges.map((e: { node: EventNode }) => e.node);
}

/** The events `work` recorded, oldest first. */
export async function eventsOf(api: TestApi, work: () => Promise<unknown>): Promise<EventNode[]> {
  const before = new Set((await allEvents(api)).map((e) => e.id));
  await work();
  return (await allEvents(api)).filter((e) => !before.has(e.id)).reverse();
}

/** Runs an operation as another actor (what authentication will put in the context). */
export async function execAs(api: TestApi, actor: Actor, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await api.app.apollo.executeOperation({ query, variables }, { contextValue: api.context(actor) });
  if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
  const result = JSON.parse(JSON.stringify(response.body.singleResult));
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function adminUser(api: TestApi): Promise<{ id: string; name: string }> {
  const users = (await api.exec(`{ users(first: 50) { edges { node { id name email } } } }`)).users.edges.map((e: any) => e.node);
  const { id, name } = users.find((u: { email: string }) => u.email === 'admin@segmenta.local');
  return { id, name };
}
