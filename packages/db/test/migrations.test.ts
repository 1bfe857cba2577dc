// The migrations folder builds a working database on a fresh in-memory PGlite, through the same
// code path the app uses, and records its history where `prisma migrate deploy` looks for it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  type Database,
  openDatabase,
  PGliteAdapterFactory,
  Prisma,
} from '../src/index.js';
import { migrationChecksum, repositoryMigrationNames, seedPlan } from './support.js';

let db: Database;
let appliedOnOpen: string[];

beforeAll(async () => {
  db = await openDatabase({ url: 'memory://' });
  appliedOnOpen = await db.migrate();
});

afterAll(async () => {
  await db?.close();
});

describe('applying the migrations folder', () => {
  it('applies every migration, in order, to a new database', async () => {
    expect(appliedOnOpen).toEqual(await repositoryMigrationNames());
    expect(appliedOnOpen.length).toBeGreaterThanOrEqual(2);
  });

  it("records them in _prisma_migrations with Prisma's checksums", async () => {
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; checksum: string; finished: boolean }[]
    >`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
      FROM _prisma_migrations ORDER BY migration_name`;
    const expected = await Promise.all(
      appliedOnOpen.map(async (name) => ({
        migration_name: name,
        checksum: await migrationChecksum(name),
        finished: true,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('applies nothing the second time', async () => {
    expect(await db.migrate()).toEqual([]);
  });
});

describe('the Prisma client on the migrated database', () => {
  it('creates and reads a commitment with its theme, plan and revision', async () => {
    const { organisation, plan, revision, theme } = await seedPlan(db.prisma);
    await db.prisma.commitment.create({
      data: {
        organisationId: organisation.id,
        planId: plan.id,
        themeId: theme.id,
        code: '1.2.1',
        liveCode: '1.2.1',
        position: 1,
        text: 'Work with the force to reduce burglary',
        introducedInRevisionId: revision.id,
        dueDate: new Date('2025-03-31'),
      },
    });

    const read = await db.prisma.commitment.findUniqueOrThrow({
      where: { planId_liveCode: { planId: plan.id, liveCode: '1.2.1' } },
      include: { theme: { include: { priority: true } }, introducedInRevision: true },
    });

    expect(read).toMatchObject({
      text: 'Work with the force to reduce burglary',
      status: 'NOT_STARTED',
      rag: null,
      progressPercent: 0,
      version: 1,
      theme: { title: 'Burglary and Acquisitive Crime', priority: { number: 1 } },
      introducedInRevision: { code: '2021' },
    });
    expect(read.dueDate?.toISOString()).toBe('2025-03-31T00:00:00.000Z');
  });

  it('rejects a second live commitment with the same code in the same plan', async () => {
    const plan = await db.prisma.plan.findFirstOrThrow({ include: { revisions: true } });
    const revisionId = plan.revisions[0]?.id ?? '';
    const duplicate = db.prisma.commitment.create({
      data: {
        organisationId: plan.organisationId,
        planId: plan.id,
        crossCuttingSection: 'PARTNERS',
        code: '1.2.1',
        liveCode: '1.2.1',
        position: 9,
        text: 'Another commitment',
        introducedInRevisionId: revisionId,
      },
    });
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(duplicate).rejects.toMatchObject({ code: 'P2002' });
  });

  it('lets a withdrawn commitment keep the code a live one now has', async () => {
    const plan = await db.prisma.plan.findFirstOrThrow({ include: { revisions: true } });
    const revisionId = plan.revisions[0]?.id ?? '';
    const withdrawn = await db.prisma.commitment.create({
      data: {
        organisationId: plan.organisationId,
        planId: plan.id,
        crossCuttingSection: 'PARTNERS',
        code: '1.2.1',
        liveCode: null,
        position: 9,
        text: 'A commitment a later revision withdrew',
        introducedInRevisionId: revisionId,
        withdrawnInRevisionId: revisionId,
      },
    });
    expect(withdrawn.code).toBe('1.2.1');
  });
});

describe('a migration that fails', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'plan-tracker-migrations-'));
    await writeFile(join(folder, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await mkdir(join(folder, '20200101000000_broken'));
    await writeFile(
      join(folder, '20200101000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "Missing";\n',
    );
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is reported, recorded as unfinished, and leaves none of its changes', async () => {
    const client = await PGlite.create();
    try {
      await expect(
        applyMigrations(new PGliteAdapterFactory(client), { migrationsDir: folder }),
      ).rejects.toThrow(/Missing/);
      const history = await client.query<{ finished: boolean }>(
        'SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations',
      );
      expect(history.rows).toEqual([{ finished: false }]);
      const half = await client.query<{ table: string | null }>(
        `SELECT to_regclass('"Half"')::text AS table`,
      );
      expect(half.rows).toEqual([{ table: null }]);
    } finally {
      await client.close();
    }
  });
});
