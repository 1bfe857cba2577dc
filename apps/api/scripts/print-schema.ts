// Writes apps/api/schema.graphql: the schema printed sorted, so diffs show real changes only.
// `pnpm generate` runs it; test/schema.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../src/print-schema.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
