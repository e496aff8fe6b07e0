import type { AddressInfo } from 'node:net';
import type { TestApi } from '../../../test/api';
import { itemAt } from '../../lib/indexed';

export interface HttpResult {
  status: number;
  body: any;
  setCookies: string[];
  headers: Headers;
}

/** Listens on a free loopback port and returns a GraphQL-over-HTTP client of the running app. */
export async function listen(api: TestApi): Promise<{ base: string; post(query: string, variables?: object, headers?: Record<string, string>): Promise<HttpResult>; close(): Promise<void> }> {
  await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  return {
    base,
    async post(query, variables, headers = {}) {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: await response.json(), setCookies: response.headers.getSetCookie(), headers: response.headers };
    },
    close: () => new Promise<void>((resolve) => api.app.httpServer.close(() => resolve())),
  };
}

/** `name=value` of a Set-Cookie header, to send back as a Cookie header (the header is there: a response without one is a failure). */
export function cookieOf(setCookie: string | undefined): string {
  if (setCookie === undefined) throw new Error('expected a Set-Cookie header');
  return itemAt(setCookie.split(';'), 0);
}
