'use client';

import { useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGraphqlClient } from './client';

/** Client-side context for the app: the urql client (created once per mount). */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createGraphqlClient);
  return <Provider value={client}>{children}</Provider>;
}
