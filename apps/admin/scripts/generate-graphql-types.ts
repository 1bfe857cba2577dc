/**
 * `pnpm generate`: turns the API's checked-in `schema.graphql` into the introspection types that
 * gql.tada infers every operation's result and variables from (src/graphql/generated).
 *
 * Why not `gql.tada generate output`: that command reads tsconfig.json through the classic
 * TypeScript compiler API, which TypeScript 7 (the repo's one TypeScript) no longer ships. The
 * same library functions the command calls do the work here without it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFromSDL, minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';

const here = dirname(fileURLToPath(import.meta.url));
// Through the API package's `exports`, not a relative path into its folder: packages reach each
// other by name only.
const schemaPath = fileURLToPath(import.meta.resolve('@plan-tracker/api/schema.graphql'));
const outputPath = resolve(here, '../src/graphql/generated/graphql-env.d.ts');

async function main(): Promise<void> {
  try {
    await readFile(schemaPath, 'utf8');
  } catch {
    throw new Error(
      `No GraphQL schema at ${relative(process.cwd(), schemaPath)}. Run \`pnpm generate\` from the repository root so the API prints it first.`,
    );
  }
  const { introspection } = await loadFromSDL({ file: schemaPath, assumeValid: true }).load();
  const text = outputIntrospectionFile(minifyIntrospection(introspection), {
    fileType: '.d.ts',
    shouldPreprocess: true,
  });
  await mkdir(dirname(outputPath), { recursive: true });
  const previous = await readFile(outputPath, 'utf8').catch(() => null);
  if (previous !== text) await writeFile(outputPath, text);
  console.log(
    `admin: GraphQL types ${previous === text ? 'up to date' : 'written'} (${relative(process.cwd(), outputPath)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
