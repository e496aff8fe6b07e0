import type { ChildProcess } from 'node:child_process';

export function parsePort(value: string | undefined, fallback: number): number;
export function runNext(command: 'start' | 'dev', extraArgs?: string[]): ChildProcess;
