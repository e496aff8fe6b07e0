import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout's promises, checked on the source: the filter engine imports nothing outside
 * itself and its folders import each other one way only; the infrastructure (config, lib,
 * errors, db) knows nothing above it; the generic CRUD machinery gets filter compilation and
 * audit writing handed in rather than importing them.
 */
const SRC = path.resolve(__dirname, '..');
const IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

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

describe('the folder layout', () => {
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
    const crud = ['common/crud.resolver.ts', 'common/crud.service.ts'].map((f) => path.join(SRC, f));
    const imported = crud.flatMap(importsOf);
    expect(imported.length).toBeGreaterThan(5);
    expect(imported.filter((target) => target.startsWith('filtering') || target === path.join('audit', 'record-audit'))).toEqual([]);
  });
});
