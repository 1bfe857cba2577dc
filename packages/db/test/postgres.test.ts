// The same client, migrations and history triggers on a real PostgreSQL server through pg and
// @prisma/adapter-pg. Uses PG_TEST_URL when set (an empty database), else starts a throwaway
// cluster from Debian's server binaries; skipped, saying so, when neither is available.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/index.js';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../src/testing/index.js';
import { repositoryMigrationNames, seedPlan } from './support.js';

const externalUrl = process.env.PG_TEST_URL;
const available = Boolean(externalUrl) || findPostgresBin() !== undefined;
if (!available) {
  console.warn('postgres.test.ts skipped: no PG_TEST_URL and no /usr/lib/postgresql/*/bin/initdb');
}

describe.runIf(available)('on PostgreSQL', () => {
  let server: ThrowawayPostgres | undefined;
  let db: Database;
  let applied: string[];

  beforeAll(async () => {
    server = externalUrl ? undefined : await startThrowawayPostgres();
    db = await openDatabase({ url: externalUrl ?? server?.url });
    applied = await db.migrate();
  });

  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('applies the migrations folder through the pg adapter', async () => {
    expect(db.kind).toBe('postgresql');
    expect(applied).toEqual(await repositoryMigrationNames());
  });

  it('creates and reads through the same Prisma client', async () => {
    const { plan } = await seedPlan(db.prisma);
    const read = await db.prisma.plan.findUniqueOrThrow({
      where: { id: plan.id },
      include: { priorities: { include: { themes: true } } },
    });
    expect(read.priorities[0]?.themes[0]?.title).toBe('Burglary and Acquisitive Crime');
  });

  it('keeps the audit log append-only', async () => {
    const organisation = await db.prisma.organisation.findFirstOrThrow();
    const entry = await db.prisma.auditLog.create({
      data: {
        organisationId: organisation.id,
        actor: 'system',
        entityType: 'Organisation',
        entityId: organisation.id,
        action: 'create',
      },
    });
    await expect(
      db.prisma.auditLog.update({ where: { id: entry.id }, data: { note: 'x' } }),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(
      /append-only: DELETE/,
    );
  });
});
