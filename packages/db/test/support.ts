// Small fixtures shared by this package's tests.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationsDir, type PrismaClient } from '../src/index.js';
import { readMigrationsFolder } from '../src/migrate/index.js';

/** The repository's migration directory names, in order of application. */
export async function repositoryMigrationNames(): Promise<string[]> {
  const list = await readMigrationsFolder(migrationsDir);
  return list.migrationDirectories.map((directory) => directory.path);
}

/** sha256 of a migration.sql, as Prisma records it in `_prisma_migrations.checksum`. */
export async function migrationChecksum(name: string): Promise<string> {
  const script = await readFile(join(migrationsDir, name, 'migration.sql'));
  return createHash('sha256').update(script).digest('hex');
}

/** An organisation with a plan, a revision, one priority and one theme. */
export async function seedPlan(prisma: PrismaClient, slug = 'dorset') {
  const organisation = await prisma.organisation.create({
    data: { slug, name: 'Office of the Police and Crime Commissioner for Dorset' },
  });
  const organisationId = organisation.id;
  const plan = await prisma.plan.create({
    data: {
      organisationId,
      slug: 'dorset-2021-29',
      title: 'Police & Crime Plan 2021–29',
      vision: 'Make Dorset the safest county',
      periodStart: new Date('2021-05-13'),
      periodEnd: new Date('2029-03-31'),
      published: true,
    },
  });
  const revision = await prisma.planRevision.create({
    data: {
      organisationId,
      planId: plan.id,
      code: '2021',
      title: 'Police and Crime Plan 2021–28',
      publishedOn: new Date('2021-10-28'),
      periodStart: new Date('2021-05-13'),
      periodEnd: new Date('2028-03-31'),
    },
  });
  const priority = await prisma.priority.create({
    data: {
      organisationId,
      planId: plan.id,
      number: 1,
      title: 'Cut crime and anti-social behaviour',
      aims: ['Cut crime', 'Cut ASB'],
    },
  });
  const theme = await prisma.theme.create({
    data: {
      organisationId,
      priorityId: priority.id,
      position: 2,
      title: 'Burglary and Acquisitive Crime',
    },
  });
  return { organisation, plan, revision, priority, theme };
}
