import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config/config';
import { printSortedSchema } from '../schema';

describe('the committed SDL', () => {
  it('is exactly what the code emits (run `npm run codegen` and commit when this fails)', async () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSortedSchema());
  });

  it('uses Relay global ids and typed errors throughout', async () => {
    const sdl = await printSortedSchema();
    expect(sdl).toMatch(/interface Node \{[^}]*id: ID!/);
    expect(sdl).toMatch(/node\(id: ID!\): Node/);
    for (const payload of sdl.match(/type \w+Payload \{[^}]*\}/g) ?? []) {
      if (payload.includes('BulkUpsertPayload')) expect(payload).toMatch(/results: \[\w+UpsertResult!\]!/);
      else expect(payload).toMatch(/errors: \[UserError!\]!/);
    }
  });
});
