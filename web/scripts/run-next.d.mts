export function parsePort(value: string | undefined, fallback: number): number;
