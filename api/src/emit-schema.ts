import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config/config';
import { printSortedSchema } from './schema';

/** `npm run schema`: writes schema/schema.graphql; `--check` fails when the committed file differs. */
async function main(): Promise<void> {
  const file = path.join(repoRoot, 'schema', 'schema.graphql');
  const sdl = await printSortedSchema();
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== sdl) {
      console.error('schema/schema.graphql is out of date: run `npm run codegen` and commit the result.');
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date.');
    return;
  }
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
