import type { IncomingMessage } from 'node:http';

export function plainAddress(address: string | undefined): string;
export function parseTrustedProxies(raw: string | undefined): (address: string) => boolean;
export function forwardedFor(peer: string | undefined, header: string | string[] | undefined, isTrusted: (address: string) => boolean): string;
export function rewriteForwardingHeaders(req: IncomingMessage, isTrusted: (address: string) => boolean): void;
