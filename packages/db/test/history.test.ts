// History is never rewritten: the database itself refuses to change or remove audit log entries
// and progress updates, whoever asks (Prisma or raw SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { openTestDatabase } from '../src/testing/index.js';
import { seedPlan } from './support.js';

let db: Database;
let auditLogId: string;
let progressUpdateId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const { organisation, plan, revision, theme } = await seedPlan(db.prisma);
  const commitment = await db.prisma.commitment.create({
    data: {
      organisationId: organisation.id,
      planId: plan.id,
      themeId: theme.id,
      code: '1.2.1',
      position: 1,
      text: 'Work with the force to reduce burglary',
      introducedInRevisionId: revision.id,
    },
  });
  const audit = await db.prisma.auditLog.create({
    data: {
      organisationId: organisation.id,
      actor: 'system',
      entityType: 'Commitment',
      entityId: commitment.id,
      action: 'create',
      after: { code: '1.2.1' },
    },
  });
  auditLogId = audit.id;
  const update = await db.prisma.progressUpdate.create({
    data: {
      organisationId: organisation.id,
      commitmentId: commitment.id,
      period: '2021/22 Q2',
      recordedOn: new Date('2021-10-15'),
      author: 'Policy officer',
      statusBefore: 'NOT_STARTED',
      statusAfter: 'IN_PROGRESS',
      ragAfter: 'GREEN',
      narrative: 'Operation started in Bournemouth.',
      evidence: [{ title: 'Panel report', url: 'https://example.org/report' }],
    },
  });
  progressUpdateId = update.id;
});

afterAll(async () => {
  await db?.close();
});

describe('the audit log', () => {
  it('refuses an update through Prisma', async () => {
    await expect(
      db.prisma.auditLog.update({ where: { id: auditLogId }, data: { note: 'edited' } }),
    ).rejects.toThrow(/AuditLog is append-only: UPDATE is not allowed/);
  });

  it('refuses a delete through Prisma', async () => {
    await expect(db.prisma.auditLog.delete({ where: { id: auditLogId } })).rejects.toThrow(
      /AuditLog is append-only: DELETE is not allowed/,
    );
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in raw SQL', async () => {
    await expect(db.prisma.$executeRaw`UPDATE "AuditLog" SET "note" = 'x'`).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(db.prisma.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditLog" CASCADE')).rejects.toThrow(
      /append-only: TRUNCATE/,
    );
  });

  it('still accepts new entries and keeps the old one as it was', async () => {
    const entry = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: auditLogId } });
    await db.prisma.auditLog.create({
      data: {
        organisationId: entry.organisationId,
        actor: 'system',
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: 'update',
        before: { code: '1.2.1' },
        after: { code: '1.2.2' },
        note: 'Renumbered',
      },
    });
    expect(await db.prisma.auditLog.count()).toBe(2);
    expect(await db.prisma.auditLog.findUniqueOrThrow({ where: { id: auditLogId } })).toEqual(
      entry,
    );
  });
});

describe('progress updates', () => {
  it('refuses updates and deletes', async () => {
    await expect(
      db.prisma.progressUpdate.update({
        where: { id: progressUpdateId },
        data: { narrative: 'Rewritten' },
      }),
    ).rejects.toThrow(/ProgressUpdate is append-only: UPDATE is not allowed/);
    await expect(
      db.prisma.progressUpdate.delete({ where: { id: progressUpdateId } }),
    ).rejects.toThrow(/ProgressUpdate is append-only: DELETE is not allowed/);
    expect(await db.prisma.progressUpdate.count()).toBe(1);
  });

  it('cannot be removed by deleting what they belong to', async () => {
    const update = await db.prisma.progressUpdate.findUniqueOrThrow({
      where: { id: progressUpdateId },
    });
    await expect(
      db.prisma.commitment.delete({ where: { id: update.commitmentId } }),
    ).rejects.toThrow();
    expect(await db.prisma.progressUpdate.count()).toBe(1);
  });
});
