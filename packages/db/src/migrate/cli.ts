// The migrator from the command line (pnpm scripts of @plan-tracker/db):
//   migrate:create <name> [--empty]  write prisma/migrations/<timestamp>_<name>/migration.sql
//   migrate:diff                     print the SQL the schema needs; exit 2 when there is some
//   migrate:deploy                   apply pending migrations to DATABASE_URL (or data/pglite)
import { openDatabase } from '../client.js';
import { DatabaseEnvError } from '../env.js';
import { createMigration, migrationDiff } from './index.js';

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'create': {
      const name = rest.find((arg) => !arg.startsWith('--'));
      if (!name) {
        console.error('Usage: pnpm migrate:create <snake_case_name> [--empty]');
        return 1;
      }
      const created = await createMigration(name, { empty: rest.includes('--empty') });
      if (!created) {
        console.log('schema.prisma and the migrations folder agree: no migration needed.');
        console.log('For hand-written SQL (triggers, data fixes) pass --empty.');
        return 0;
      }
      console.log(`Wrote ${created.file}`);
      return 0;
    }
    case 'diff': {
      const diff = await migrationDiff();
      process.stdout.write(diff.script);
      return diff.changed ? 2 : 0;
    }
    case 'deploy': {
      const database = await openDatabase();
      try {
        const applied = await database.migrate();
        console.log(
          applied.length > 0
            ? `Applied to ${database.location}:\n${applied.map((name) => `  ${name}`).join('\n')}`
            : `${database.location} is up to date.`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error('Usage: cli.ts create <name> [--empty] | diff | deploy');
      return 1;
  }
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  // A bad environment is the user's to fix: say what, without a stack trace.
  console.error(error instanceof DatabaseEnvError ? error.message : error);
  return 1;
});
// The wasm schema engine leaves a timer of about ten seconds behind; do not wait for it. Exit once
// stdout has drained so that a piped diff is not cut short.
process.stdout.write('', () => process.exit(code));
