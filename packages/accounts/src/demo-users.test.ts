import { openTestDatabase } from '@plan-tracker/db/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './demo-users.js';
import { verifyPassword } from './password.js';

describe('seedDemoUsers', () => {
  it('creates one user per role once, with the documented password, and leaves them alone after', async () => {
    const database = await openTestDatabase();
    try {
      const { prisma } = database;
      const org = await prisma.organisation.create({
        data: { slug: 'dorset-opcc', name: 'Dorset' },
      });
      const first = await seedDemoUsers(prisma, org.id);
      expect(first.created).toEqual(DEMO_USERS.map((u) => u.email));
      const users = await prisma.user.findMany({ orderBy: { email: 'asc' } });
      expect(users.map((u) => u.role).sort()).toEqual(['ADMIN', 'CONTRIBUTOR', 'EDITOR', 'VIEWER']);
      const contributor = users.find((u) => u.role === 'CONTRIBUTOR');
      expect(contributor?.ownerLabels).toEqual(['OPCC Policy and Commissioning']);
      expect(await verifyPassword(DEMO_PASSWORD, contributor?.passwordHash ?? '')).toBe(true);
      expect(await prisma.auditLog.count({ where: { entityType: 'User', actor: 'seed' } })).toBe(4);

      await prisma.user.update({ where: { id: contributor?.id }, data: { name: 'Renamed' } });
      const second = await seedDemoUsers(prisma, org.id);
      expect(second).toEqual({
        created: [],
        existing: expect.arrayContaining([...first.created]),
        skippedForRealStaff: false,
      });
      expect(await prisma.user.count()).toBe(4);
      expect((await prisma.user.findUnique({ where: { id: contributor?.id } }))?.name).toBe(
        'Renamed',
      );

      // An organisation with staff of its own is not a demo: no published password goes in.
      const real = await prisma.organisation.create({ data: { slug: 'real', name: 'Real OPCC' } });
      await prisma.user.create({
        data: {
          organisationId: real.id,
          email: 'ada@real.example',
          name: 'Ada',
          passwordHash: 'x',
        },
      });
      expect(await seedDemoUsers(prisma, real.id)).toEqual({
        created: [],
        existing: [],
        skippedForRealStaff: true,
      });
    } finally {
      await database.close();
    }
  });
});
