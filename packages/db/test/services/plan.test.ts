// Organisations and plans brought in through the services: loading a plan from its text (dry run
// and for real), refusing a second load and a damaged file without writing, revising a plan from
// a newer text, and publishing, retitling and archiving; each with history.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  addProgressUpdate,
  changePlan,
  createOrganisation,
  type Database,
  importPlan,
  onlyInForce,
  planStateAsAt,
  revisePlan,
  revisionsInForce,
  systemActor,
  systemCreator,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const WESSEX = { name: 'wessex-plan-2025-29.txt' };
const WESSEX_2027 = { name: 'wessex-plan-2025-29-revised-2027.txt' };
const IDENTITY = {
  slug: 'wessex-2025-29',
  title: 'Wessex Police and Crime Plan 2025–29',
  periodStart: '2025-04-01',
  periodEnd: '2029-03-31',
};

let db: Database;
let organisationId: string;
let admin: Actor;
let wessex: string;
let wessex2027: string;

const staff = (role: 'ADMIN' | 'EDITOR', organisation = organisationId): Actor => ({
  organisationId: organisation,
  userId: null,
  apiKeyId: null,
  label: `Ada (${role})`,
  caller: {
    kind: 'user',
    userId: 'u-ada',
    organisationId: organisation,
    role,
    name: 'Ada',
    ownerLabels: [],
    sessionId: 's',
  },
});

beforeAll(async () => {
  db = await openTestDatabase();
  wessex = await readFile(join(FIXTURES, WESSEX.name), 'utf8');
  wessex2027 = await readFile(join(FIXTURES, WESSEX_2027.name), 'utf8');
  const created = await createOrganisation(db.prisma, systemCreator('test'), {
    slug: 'wessex-opcc',
    name: 'Office of the Wessex Police and Crime Commissioner',
  });
  if (!created.ok) throw new Error(created.error.message);
  organisationId = created.value.id;
  admin = staff('ADMIN');
});

afterAll(async () => {
  await db?.close();
});

describe('createOrganisation', () => {
  it('refuses a second organisation with the same slug, naming the field', async () => {
    const again = await createOrganisation(db.prisma, systemCreator('test'), {
      slug: 'wessex-opcc',
      name: 'Another',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(again.ok || again.error.code !== 'VALIDATION' || again.error.issues[0]?.path).toEqual([
      'slug',
    ]);
  });

  it("refuses an organisation's administrator and lets a platform operator", async () => {
    const refused = await createOrganisation(db.prisma, admin, { slug: 'x-opcc', name: 'X' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const operator: Actor = {
      ...admin,
      caller: {
        ...(admin.caller as Extract<Actor['caller'], { kind: 'user' }>),
        platformOperator: true,
      },
    };
    const made = await createOrganisation(db.prisma, operator, { slug: 'x-opcc', name: 'X' });
    expect(made).toMatchObject({ ok: true, value: { slug: 'x-opcc', name: 'X' } });
    const history = await db.prisma.auditLog.findMany({
      where: { entityType: 'Organisation', organisationId: made.ok ? made.value.id : '' },
    });
    expect(history).toMatchObject([{ action: 'create', actor: 'Ada (ADMIN)' }]);
  });
});

describe('importPlan', () => {
  it('refuses editors: loading plans is for administrators', async () => {
    const result = await importPlan(db.prisma, staff('EDITOR'), {
      identity: IDENTITY,
      source: { content: wessex, name: WESSEX.name },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('names the line of a damaged file and writes nothing', async () => {
    const damaged = wessex.replace('Roads\n', 'Roads\n\nI will:\n\n');
    const result = await importPlan(db.prisma, admin, {
      identity: IDENTITY,
      source: { content: damaged, name: 'damaged.txt' },
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'VALIDATION') throw new Error('expected VALIDATION');
    expect(result.error.issues[0]?.path).toEqual(['text']);
    expect(result.error.issues[0]?.message).toMatch(/^damaged\.txt line \d+: /);
    expect(await db.prisma.plan.count({ where: { organisationId } })).toBe(0);
  });

  it('previews exactly what it would create, and creates nothing', async () => {
    const before = await db.prisma.auditLog.count();
    const preview = await importPlan(db.prisma, admin, {
      identity: IDENTITY,
      source: { content: wessex, name: WESSEX.name },
      dryRun: true,
    });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        dryRun: true,
        summary: {
          slug: 'wessex-2025-29',
          revisionCode: '2025',
          priorities: 3,
          themes: 6,
          commitments: 12,
          crossCuttingCommitments: 2,
          measures: 4,
        },
      },
    });
    expect(preview.ok && preview.value.summary.reportingPeriods).toHaveLength(16);
    expect(await db.prisma.plan.count({ where: { organisationId } })).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  it('loads the plan in one transaction, with history, as a draft', async () => {
    const result = await importPlan(db.prisma, admin, {
      identity: IDENTITY,
      source: { content: wessex, name: WESSEX.name },
    });
    if (!result.ok) throw new Error(result.error.message);
    const plan = await db.prisma.plan.findUniqueOrThrow({
      where: { id: result.value.planId },
      include: {
        priorities: { include: { themes: true, measures: true }, orderBy: { number: 'asc' } },
        commitments: { orderBy: { code: 'asc' } },
        revisions: { include: { priorityStatements: true } },
      },
    });
    expect(plan.published).toBe(false);
    expect(plan.priorities.map((p) => p.title)).toEqual([
      'Safer Streets',
      'Support for Victims',
      'Trusted Policing',
    ]);
    expect(plan.priorities.flatMap((p) => p.themes.map((t) => t.title))).toHaveLength(6);
    expect(plan.commitments).toHaveLength(14);
    expect(plan.commitments.every((c) => c.liveCode === c.code)).toBe(true);
    expect(plan.revisions).toMatchObject([{ code: '2025', priorityStatements: expect.any(Array) }]);
    const periods = await db.prisma.reportingPeriod.findMany({
      where: { organisationId },
      orderBy: { startDate: 'asc' },
    });
    expect(periods.map((p) => p.label).slice(0, 2)).toEqual(['2025/26 Q1', '2025/26 Q2']);
    expect(periods).toHaveLength(16);
    const history = await db.prisma.auditLog.groupBy({
      by: ['entityType'],
      where: { planId: plan.id },
      _count: true,
    });
    expect(Object.fromEntries(history.map((h) => [h.entityType, h._count]))).toEqual({
      Plan: 1,
      PlanRevision: 1,
      Priority: 3,
      Theme: 6,
      Commitment: 14,
      Measure: 4,
    });
  });

  it('refuses the same file again, under its slug or another, and creates no second plan', async () => {
    const again = await importPlan(db.prisma, admin, {
      identity: IDENTITY,
      source: { content: wessex, name: WESSEX.name },
    });
    expect(again.ok || again.error.code !== 'VALIDATION' || again.error.issues[0]?.path).toEqual([
      'slug',
    ]);
    const renamed = await importPlan(db.prisma, admin, {
      identity: { ...IDENTITY, slug: 'wessex-copy' },
      source: { content: wessex, name: WESSEX.name },
    });
    expect(renamed.ok).toBe(false);
    if (renamed.ok || renamed.error.code !== 'VALIDATION') throw new Error('expected VALIDATION');
    expect(renamed.error.issues[0]?.path).toEqual(['text']);
    expect(renamed.error.issues[0]?.message).toContain('This file was loaded before');
    expect(await db.prisma.plan.count({ where: { organisationId } })).toBe(1);
  });
});

describe('revisePlan', () => {
  const revision = { code: '2027', publishedOn: '2027-04-01' };

  async function plan() {
    return db.prisma.plan.findFirstOrThrow({ where: { organisationId, slug: IDENTITY.slug } });
  }

  it('previews one added, one withdrawn and one reworded commitment, and writes nothing', async () => {
    const { id, version } = await plan();
    const preview = await revisePlan(db.prisma, admin, {
      planId: id,
      expectedVersion: version,
      revision,
      source: { content: wessex2027, name: WESSEX_2027.name },
      dryRun: true,
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const { diff } = preview.value;
    expect(diff.added.map((c) => [c.code, c.text])).toEqual([
      ['1.2.3', 'Fund a safety campaign for rural roads each winter'],
    ]);
    expect(diff.withdrawn.map((c) => c.code)).toEqual(['1.1.3']);
    expect(diff.reworded.map((c) => [c.code, c.before, c.after.text])).toEqual([
      [
        '2.1.1',
        "Commission a victims' hub open seven days a week",
        "Commission a victims' hub open every day of the year, with evening hours",
      ],
    ]);
    expect(diff.renumbered).toEqual([]);
    expect(diff.unchanged).toBe(12);
    expect(await db.prisma.planRevision.count({ where: { planId: id } })).toBe(1);
  });

  it('applies it keeping updates, withdrawing from that revision, and old wording "as at" before it', async () => {
    const { id, version } = await plan();
    const hub = await db.prisma.commitment.findFirstOrThrow({
      where: { planId: id, code: '2.1.1' },
    });
    const update = await addProgressUpdate(db.prisma, systemActor(organisationId, 'test'), {
      subject: { type: 'Commitment', id: hub.id },
      expectedVersion: hub.version,
      input: {
        period: '2025/26 Q3',
        recordedOn: '2025-12-15',
        narrative: 'The hub opened on weekdays.',
      },
    });
    if (!update.ok) throw new Error(update.error.message);

    const applied = await revisePlan(db.prisma, admin, {
      planId: id,
      expectedVersion: version,
      revision,
      source: { content: wessex2027, name: WESSEX_2027.name },
    });
    if (!applied.ok) throw new Error(applied.error.message);

    const rows = await db.prisma.commitment.findMany({
      where: { planId: id },
      include: { progressUpdates: true, withdrawnInRevision: true, introducedInRevision: true },
    });
    const byCode = new Map(rows.map((c) => [c.code, c]));
    expect(rows).toHaveLength(15);
    expect(byCode.get('1.1.3')).toMatchObject({
      status: 'WITHDRAWN',
      liveCode: null,
      withdrawnInRevision: { code: '2027' },
    });
    expect(byCode.get('1.2.3')).toMatchObject({ introducedInRevision: { code: '2027' } });
    expect(byCode.get('2.1.1')).toMatchObject({
      id: hub.id,
      text: "Commission a victims' hub open every day of the year, with evening hours",
      progressUpdates: [{ narrative: 'The hub opened on weekdays.' }],
    });

    const withRevisions = await db.prisma.plan.findUniqueOrThrow({
      where: { id },
      include: { revisions: true },
    });
    const inForce = revisionsInForce(withRevisions);
    const atEnd2026 = await planStateAsAt(db.prisma, id, '2026-12-31');
    const before = onlyInForce(atEnd2026 as NonNullable<typeof atEnd2026>, inForce, '2026-12-31');
    const beforeByCode = new Map(before.commitments.map((c) => [c.code, c]));
    expect(beforeByCode.get('2.1.1')?.text).toBe(
      "Commission a victims' hub open seven days a week",
    );
    expect(beforeByCode.get('1.1.3')?.status).toBe('NOT_STARTED');
    expect(beforeByCode.has('1.2.3')).toBe(false);
    expect(before.commitments).toHaveLength(14);

    const atStart2028 = await planStateAsAt(db.prisma, id, '2028-01-01');
    const after = onlyInForce(
      atStart2028 as NonNullable<typeof atStart2028>,
      inForce,
      '2028-01-01',
    );
    expect(after.commitments.map((c) => c.code)).not.toContain('1.1.3');
    expect(after.commitments).toHaveLength(14);

    const history = await db.prisma.auditLog.findMany({
      where: { planId: id, action: { in: ['withdraw', 'reword', 'revise'] } },
      orderBy: { sequence: 'asc' },
    });
    expect(history.map((h) => [h.action, h.effectiveOn?.toISOString().slice(0, 10)])).toEqual([
      ['withdraw', '2027-04-01'],
      ['reword', '2027-04-01'],
      ['revise', '2027-04-01'],
    ]);
  });

  it('refuses a stale version, a text that changes nothing, and another organisation', async () => {
    const { id, version } = await plan();
    const stale = await revisePlan(db.prisma, admin, {
      planId: id,
      expectedVersion: version - 1,
      revision: { code: '2028', publishedOn: '2028-04-01' },
      source: { content: `${wessex2027}\n`, name: 'same.txt' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', entity: 'Plan' } });
    const same = await revisePlan(db.prisma, admin, {
      planId: id,
      expectedVersion: version,
      revision: { code: '2028', publishedOn: '2028-04-01' },
      source: { content: `${wessex2027}\n`, name: 'same.txt' },
    });
    expect(same.ok || same.error.message).toContain('adds, withdraws and rewords nothing');
    const other = await revisePlan(db.prisma, staff('ADMIN', 'another-organisation'), {
      planId: id,
      expectedVersion: version,
      revision: { code: '2028', publishedOn: '2028-04-01' },
      source: { content: wessex2027.replace('every quarter', 'each quarter') },
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('changePlan', () => {
  it('publishes, retitles and archives a plan, each with history', async () => {
    let plan = await db.prisma.plan.findFirstOrThrow({ where: { organisationId } });
    const published = await changePlan(db.prisma, admin, {
      id: plan.id,
      expectedVersion: plan.version,
      input: { published: true, title: 'Wessex Plan 2025–29' },
    });
    expect(published).toMatchObject({
      ok: true,
      value: { published: true, title: 'Wessex Plan 2025–29' },
    });
    plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
    const stale = await changePlan(db.prisma, admin, {
      id: plan.id,
      expectedVersion: plan.version - 1,
      input: { archived: true },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const archived = await changePlan(db.prisma, admin, {
      id: plan.id,
      expectedVersion: plan.version,
      input: { archived: true },
    });
    expect(archived).toMatchObject({ ok: true, value: { published: false } });
    expect(archived.ok && archived.value.archivedAt).toEqual(expect.any(String));
    const history = await db.prisma.auditLog.findMany({
      where: { entityType: 'Plan', entityId: plan.id, action: { in: ['publish', 'archive'] } },
      orderBy: { sequence: 'asc' },
    });
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      [
        'publish',
        { title: 'Wessex Police and Crime Plan 2025–29', published: false },
        { title: 'Wessex Plan 2025–29', published: true },
      ],
      ['archive', { published: true, archived: false }, { published: false, archived: true }],
    ]);
  });
});
