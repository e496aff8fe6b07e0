import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout's promises, checked on the source: folders import each other one way only (the
 * layers below, and no cycle at any depth); the filter engine imports nothing outside itself and
 * its folders import each other downwards; the infrastructure (config, lib, errors, db) knows
 * nothing above it; the generic CRUD machinery gets filter compilation and audit writing handed
 * in rather than importing them.
 */
const SRC = path.resolve(__dirname, '..');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each file's relative imports, as paths under src/ without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.relative(SRC, path.resolve(path.dirname(file), m[1] ?? '')));
}

const engineFiles = sourceFiles(path.join(SRC, 'filter'));
const partOf = (relative: string) => relative.split(path.sep).slice(0, 2).join('/');

/** Which engine folders each may import (besides itself). */
const ENGINE_LAYERS: Record<string, readonly string[]> = {
  'filter/language': [],
  'filter/sql': ['filter/language'],
  'filter/model': ['filter/language', 'filter/sql'],
  'filter/resolution': ['filter/language', 'filter/sql', 'filter/model'],
  'filter/compile': ['filter/language', 'filter/sql', 'filter/model'],
  'filter/oracle': ['filter/language', 'filter/model'],
};

/**
 * The top-level folders of src/, lowest first: each may import only folders before it. "(root)"
 * is src/'s own files: the manifest, the resolver list, the app (the composition root).
 */
const LAYERS = [
  // Infrastructure: knows no domain.
  'config',
  'lib',
  'errors',
  'db',
  // The filter engine: knows no table.
  'filter',
  // Helpers every domain shares; the stored-record base classes.
  'common',
  // What records point at: staff and the reference lists.
  'reference-lists',
  'users',
  // Credentials, the request, its limits, the audit trail.
  'auth',
  'request',
  'limits',
  'audit',
  'privacy',
  // The CRUD machinery, then what is built on it.
  'records',
  'accounts',
  // The CRM's record kinds, each above what it points at.
  'custom-fields',
  'communications',
  'companies',
  'contacts',
  'leads',
  'products',
  'deals',
  'activities',
  // Webhooks: deliveries of membership events (queued by the maintainer, in segments/).
  'webhooks',
  // Segments (with the filter wiring that composes the record kinds), and what uses them.
  'segments',
  'recipients',
  'settings',
  // Demo data, the schema's history, the composition root, command lines.
  'seed',
  'migrations',
  '(root)',
  'cli',
] as const;

const allFiles = sourceFiles(SRC);
const folderOf = (relative: string, depth: number) => {
  const parts = path.dirname(relative).split(path.sep);
  return parts[0] === '.' ? '(root)' : parts.slice(0, depth).join('/');
};

/** Folder → the folders it imports, at the given depth (1: top level; 9: every folder). */
function folderGraph(depth: number): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of allFiles) {
    const from = folderOf(path.relative(SRC, file), depth);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const target of importsOf(file)) {
      const to = folderOf(target, depth);
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** A cycle through `start`, as a path, if there is one (depth-first search). */
function cycleThrough(graph: Map<string, Set<string>>, start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (node: string, trail: string[]): string[] | null => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) return [...trail, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

describe('the folder layout', () => {
  it('every top-level folder is in the layers, and imports only the folders below it', () => {
    const graph = folderGraph(1);
    expect([...graph.keys()].filter((folder) => !(LAYERS as readonly string[]).includes(folder))).toEqual([]);
    const upwards: string[] = [];
    for (const [from, targets] of graph) {
      const level = LAYERS.indexOf(from as (typeof LAYERS)[number]);
      for (const to of targets) if (LAYERS.indexOf(to as (typeof LAYERS)[number]) > level) upwards.push(`${from} imports ${to}`);
    }
    expect(upwards).toEqual([]);
  });

  it('no folder, at any depth, is in an import cycle', () => {
    const graph = folderGraph(9);
    expect(graph.size).toBeGreaterThan(LAYERS.length);
    const cycles = [...graph.keys()].map((folder) => cycleThrough(graph, folder)).filter((cycle) => cycle !== null);
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('the filter engine imports nothing outside filter/, and its folders only downwards', () => {
    expect(engineFiles.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const file of engineFiles) {
      const from = partOf(path.relative(SRC, file));
      const allowed = ENGINE_LAYERS[from];
      if (!allowed) wrong.push(`${from} is not an engine folder the layout names`);
      for (const target of importsOf(file)) {
        const to = partOf(target);
        if (to !== from && !allowed?.includes(to)) wrong.push(`${path.relative(SRC, file)} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the infrastructure imports only what is below it: db knows no domain, config, lib and errors nothing', () => {
    const below: Record<string, readonly string[]> = { config: [], lib: [], errors: [], db: ['config', 'lib', 'errors'] };
    const wrong: string[] = [];
    for (const [folder, allowed] of Object.entries(below)) {
      const files = sourceFiles(path.join(SRC, folder));
      expect(files.length, folder).toBeGreaterThan(0);
      for (const file of files) {
        for (const target of importsOf(file)) {
          const to = target.split(path.sep)[0] ?? '';
          if (to !== folder && !allowed.includes(to)) wrong.push(`${path.relative(SRC, file)} imports ${target}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the CRUD machinery imports neither the filtering wiring nor the audit writer', () => {
    const crud = ['records/crud.resolver.ts', 'records/crud.service.ts'].map((f) => path.join(SRC, f));
    const imported = crud.flatMap(importsOf);
    expect(imported.length).toBeGreaterThan(5);
    expect(imported.filter((target) => target.startsWith(path.join('segments', 'filtering')) || target === path.join('audit', 'record-audit'))).toEqual([]);
  });
});
