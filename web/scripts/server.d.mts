import type { Server } from 'node:http';

export function serverSettings(env?: Record<string, string | undefined>): { port: number; hostname: string; isTrusted: (address: string) => boolean };
export function startServer(options?: { dev?: boolean }): Promise<Server>;
