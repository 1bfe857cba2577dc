// schema.prisma and prisma/migrations must agree: a model change without its migration fails
// here (and in CI) instead of in someone's database.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigration, migrationDiff, migrationsDir, schemaPath } from '../src/index.js';

describe('drift between schema.prisma and the migrations folder', () => {
  it('is none: the migrations build exactly the schema', async () => {
    const diff = await migrationDiff();
    // On failure the message is the SQL the missing migration needs: `pnpm migrate:create <name>`.
    expect(diff.changed, diff.script).toBe(false);
  });
});

describe('the drift check and createMigration on a copy', () => {
  let scratch: string;
  let changedSchema: string;
  let copiedMigrations: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'plan-tracker-drift-'));
    copiedMigrations = join(scratch, 'migrations');
    await cp(migrationsDir, copiedMigrations, { recursive: true });
    changedSchema = join(scratch, 'schema.prisma');
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(
      changedSchema,
      `${schema}\nmodel DriftProbe {\n  id   String @id\n  note String?\n}\n`,
    );
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('notices a model that has no migration', async () => {
    const diff = await migrationDiff({
      schemaPath: changedSchema,
      migrationsDir: copiedMigrations,
    });
    expect(diff.changed).toBe(true);
    expect(diff.script).toContain('CREATE TABLE "DriftProbe"');
  });

  it('writes the missing migration in the standard layout, after which there is no drift', async () => {
    const paths = { schemaPath: changedSchema, migrationsDir: copiedMigrations };
    const created = await createMigration('add_drift_probe', paths);

    expect(created?.name).toMatch(/^\d{14}_add_drift_probe$/);
    expect(
      await readFile(join(copiedMigrations, `${created?.name}`, 'migration.sql'), 'utf8'),
    ).toBe(created?.script);
    const entries = await readdir(copiedMigrations);
    expect(entries).toContain('migration_lock.toml');
    const directories = entries.filter((entry) => entry !== 'migration_lock.toml').sort();
    expect(directories.at(-1)).toBe(created?.name);

    expect((await migrationDiff(paths)).changed).toBe(false);
    expect(await createMigration('nothing_to_do', paths)).toBeNull();
  });
});
