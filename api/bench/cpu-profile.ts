import fs from 'node:fs';
import path from 'node:path';
import { itemAt } from '../src/lib/indexed';

/**
 * Where a server's CPU time goes, from a V8 CPU profile (`node --cpu-prof`) restricted to a time
 * window (the seconds the bench hammered one question), in µs of the monotonic clock V8 and
 * `process.hrtime` share on Linux. Two views per window, both as ms of CPU per request:
 *
 * - self time by owner: a package in node_modules, a file of the API, node's own modules, or V8's
 *   (garbage collector) / (program) / (idle);
 * - inclusive time of the API's own functions (every function of src/ on the stack is credited
 *   once per sample), which says what a step costs with all it calls: authenticate, the limit
 *   plugins, findPage…
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  label: string;
  /** µs, process.hrtime.bigint() / 1000n */
  fromUs: number;
  toUs: number;
  requests: number;
}

/** The owner of a frame: `pkg:@apollo/server`, `api:limits/document-limits.js`, `node:internal/…`, `(garbage collector)`. */
function ownerOf(url: string, functionName: string, apiRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    const first = itemAt(rest, 0);
    return `pkg:${first.startsWith('@') ? `${first}/${rest[1]}` : first}`;
  }
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(apiRoot)) return `api:${path.relative(apiRoot, file)}`;
  return url.startsWith('node:') ? 'node' : `other:${path.basename(file)}`;
}

function top(map: Map<string, number>, n: number, perRequest: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => `    ${(us / 1000 / perRequest).toFixed(3).padStart(7)} ms  ${name}`);
}

/** Reads the newest profile in `dir` and prints a summary per window; `apiRoot` is the API build folder. */
export function summariseProfile(dir: string, apiRoot: string, windows: Window[]): void {
  const newest = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .pop();
  if (!newest) throw new Error(`No .cpuprofile in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, newest), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const root = apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
  console.log(`CPU profile ${path.join(dir, newest)}`);
  for (const window of windows) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let at = profile.startTime;
    let total = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      at += itemAt(profile.timeDeltas, i);
      if (at < window.fromUs || at > window.toUs) continue;
      // A sample stands for the time until the next one.
      const us = profile.timeDeltas[i + 1] ?? 0;
      const node = byId.get(itemAt(profile.samples, i))!;
      const owner = ownerOf(node.callFrame.url, node.callFrame.functionName, root);
      self.set(owner, (self.get(owner) ?? 0) + us);
      total += us;
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)!.callFrame;
        if (!frame.url.replace(/^file:\/\//, '').startsWith(root)) continue;
        const name = `${frame.functionName || '(anonymous)'} ${path.relative(root, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`;
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
    const idle = self.get('(idle)') ?? 0;
    const perRequest = Math.max(1, window.requests);
    console.log(
      `\n  ${window.label}: ${window.requests} requests in ${((window.toUs - window.fromUs) / 1e6).toFixed(1)} s; CPU busy ${((total - idle) / 1000 / perRequest).toFixed(3)} ms per request (idle ${(idle / 1000 / perRequest).toFixed(3)} ms)`,
    );
    console.log('  self time by owner (ms per request):');
    for (const line of top(self, 18, perRequest)) console.log(line);
    console.log("  inclusive time of the API's own functions (ms per request):");
    for (const line of top(inclusive, 25, perRequest)) console.log(line);
  }
}
