// `pnpm cli plan:import`, `plan:revise`, `plan:publish`, `plan:unpublish`, `plan:archive` and
// `plan:list`, in process on one new database: a new office loads the invented Wessex plan
// (packages/db/test/fixtures), is refused it a second time and in a damaged form, applies its
// 2027 revision, and publishes and archives it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, shared } from './in-process.js';

const FIXTURES = join(repoRoot, 'packages', 'db', 'test', 'fixtures');
const PLAN_2025 = join(FIXTURES, 'wessex-plan-2025-29.txt');
const PLAN_2027 = join(FIXTURES, 'wessex-plan-2025-29-revised-2027.txt');
const WESSEX = 'Office of the Wessex Police and Crime Commissioner';
const TITLE = 'Wessex Police and Crime Plan 2025–29';
const PLAN = ['--organisation', 'wessex-opcc', '--plan', 'wessex-2025-29'];
const identity = (slug = 'wessex-2025-29', organisation = 'wessex-opcc') => [
  '--organisation',
  organisation,
  '--slug',
  slug,
  '--title',
  TITLE,
  '--period-start',
  '2025-04-01',
  '--period-end',
  '2029-03-31',
];

let database: Database;
let scratch: string;
const cli = (...args: string[]) => runInProcess(args, { openDatabase: shared(database) });

beforeAll(async () => {
  database = await openTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), 'plan-tracker-cli-plan-'));
  for (const [slug, name] of [
    ['wessex-opcc', WESSEX],
    ['mercia-opcc', 'Office of the Mercia Police and Crime Commissioner'],
  ] as const) {
    const made = await cli('org:create', '--slug', slug, '--name', name);
    if (made.status !== 0) throw new Error(made.stderr);
  }
});
afterAll(async () => {
  await database.close();
  await rm(scratch, { recursive: true, force: true });
});

/** What the database holds of the plans, to show a refusal or a dry run wrote nothing. */
async function written() {
  const { prisma } = database;
  return {
    plans: await prisma.plan.count(),
    revisions: await prisma.planRevision.count(),
    priorities: await prisma.priority.count(),
    commitments: await prisma.commitment.count(),
    reportingPeriods: await prisma.reportingPeriod.count(),
    history: await prisma.auditLog.count(),
  };
}

/** The lines of a load's summary of the Wessex plan. */
function loadSummary(): string[] {
  return [
    `  plan wessex-2025-29: ${TITLE}, 2025-04-01 to 2029-03-31, a draft`,
    '  revision 2025',
    '  3 priorities',
    '  6 themes',
    '  12 commitments under the themes',
    '  2 cross-cutting commitments',
    '  4 measures',
    '  16 reporting periods: 2025/26 Q1 … 2028/29 Q4',
  ];
}

describe('pnpm cli plan:import', () => {
  it('shows exactly what a dry run would create, and writes nothing', async () => {
    const before = await written();
    const run = await cli('plan:import', PLAN_2025, ...identity(), '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `Would load the plan wessex-2025-29 into ${WESSEX} (wessex-opcc), from ${PLAN_2025}:`,
        ...loadSummary(),
        'Dry run: nothing was written. Run it again without --dry-run to load it.',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toMatch(/rolled back \(dry run\)/);
    expect(await written()).toEqual(before);
  });

  it('refuses a damaged file with its line number, and writes nothing', async () => {
    const text = await readFile(PLAN_2025, 'utf8');
    const damaged = {
      // "I will:" under a theme heading: the theme ends before its bullets (line 32).
      'theme-without-bullets.txt': [text.replace('Roads\n', 'Roads\n\nI will:\n\n'), 32],
      // A bullet before the priority's first theme heading (line 23).
      'bullet-before-theme.txt': [
        text.replace('I will:\n\nTown centres\n', 'I will:\n\n- A bullet\n\nTown centres\n'),
        23,
      ],
    } as const;
    const before = await written();
    for (const [name, [content, line]] of Object.entries(damaged)) {
      const file = join(scratch, name);
      await writeFile(file, content);
      const run = await cli('plan:import', file, ...identity());
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `error: cannot load the plan (nothing was written): ${file} line ${line}: bullet outside any theme`,
      );
      expect(run.stderr).toContain(`✗ Loading ${file} into wessex-opcc: refused`);
    }
    expect(await written()).toEqual(before);
  });

  it('names the option of each identity problem', async () => {
    const run = await cli(
      'plan:import',
      PLAN_2025,
      '--organisation',
      'wessex-opcc',
      '--slug',
      'Wessex Plan',
      '--title',
      TITLE,
      '--period-start',
      '2025-04-01',
      '--period-end',
      '2025-03-31',
      '--revision',
      '2025 first',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--slug: Use lower-case letters/);
    expect(run.stderr).toMatch(/--period-end: The plan must end after it starts/);
    expect(run.stderr).toMatch(/--revision: Use a short code/);
  });

  it('loads the plan as a draft, with history, and says what to do next', async () => {
    const run = await cli('plan:import', PLAN_2025, ...identity());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `Loaded the plan wessex-2025-29 into ${WESSEX} (wessex-opcc), from ${PLAN_2025}:`,
        ...loadSummary(),
        'Next:',
        '  publish it when it is ready: pnpm cli plan:publish --organisation wessex-opcc --plan wessex-2025-29',
        '  load a later revision of it: pnpm cli plan:revise <file> --organisation wessex-opcc --plan wessex-2025-29 --revision <code> --published-on <date> --dry-run',
        '',
      ].join('\n'),
    );
    const plan = await database.prisma.plan.findFirstOrThrow({
      where: { slug: 'wessex-2025-29', organisation: { slug: 'wessex-opcc' } },
      include: {
        priorities: { include: { themes: true } },
        commitments: true,
        revisions: true,
      },
    });
    expect(plan).toMatchObject({ title: TITLE, published: false, archivedAt: null });
    expect(plan.priorities).toHaveLength(3);
    expect(plan.priorities.flatMap((p) => p.themes)).toHaveLength(6);
    expect(plan.commitments).toHaveLength(14);
    expect(plan.revisions).toMatchObject([{ code: '2025', source: PLAN_2025 }]);
    expect(
      await database.prisma.reportingPeriod.count({
        where: { organisationId: plan.organisationId },
      }),
    ).toBe(16);
    expect(
      await database.prisma.auditLog.findFirst({
        where: { planId: plan.id, entityType: 'Plan', action: 'import' },
      }),
    ).toMatchObject({ actor: 'pnpm cli plan:import' });
  });

  it('refuses the same file again, under its slug or another, and makes no second plan', async () => {
    const sameSlug = await cli('plan:import', PLAN_2025, ...identity());
    expect(sameSlug.status).toBe(1);
    expect(sameSlug.stderr).toMatch(
      /^error: cannot load the plan \(nothing was written\): --slug: This organisation already has a plan with the slug wessex-2025-29 \(Wessex Police and Crime Plan 2025–29\)\. To load a newer text of it, load it as a revision of that plan; otherwise choose another slug$/m,
    );
    const otherSlug = await cli('plan:import', PLAN_2025, ...identity('wessex-copy'));
    expect(otherSlug.status).toBe(1);
    expect(otherSlug.stderr).toMatch(
      /^error: cannot load the plan \(nothing was written\): This file was loaded before, as revision 2025 of Wessex Police and Crime Plan 2025–29 \(wessex-2025-29\) on \d{4}-\d{2}-\d{2}: nothing to do$/m,
    );
    expect(await database.prisma.plan.count()).toBe(1);
  });

  it('reads the JSON import-plan prints, and publishes at once with --publish', async () => {
    const json = join(scratch, 'wessex.json');
    const converted = await cli('import-plan', PLAN_2025, '--out', json);
    expect(converted.status, converted.stderr).toBe(0);
    const run = await cli(
      'plan:import',
      json,
      '--organisation',
      'mercia-opcc',
      '--slug',
      'wessex-2025-29',
      '--title',
      TITLE,
      '--period-start',
      '2025-04-01',
      '--period-end',
      '2029-03-31',
      '--vision',
      'Safe streets for all',
      '--revision',
      '2025-draft',
      '--published-on',
      '2025-05-01',
      '--publish',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `plan wessex-2025-29: ${TITLE}, 2025-04-01 to 2029-03-31, published`,
    );
    expect(run.stdout).toContain('  revision 2025-draft\n');
    expect(run.stdout).not.toContain('plan:publish');
    const plan = await database.prisma.plan.findFirstOrThrow({
      where: { organisation: { slug: 'mercia-opcc' } },
      include: { revisions: true, _count: { select: { commitments: true } } },
    });
    expect(plan).toMatchObject({
      published: true,
      vision: 'Safe streets for all',
      revisions: [{ code: '2025-draft', publishedOn: new Date('2025-05-01') }],
      _count: { commitments: 14 },
    });
  });

  it('says how to find the organisation when it is unknown', async () => {
    const run = await cli('plan:import', PLAN_2025, ...identity('wessex-2025-29', 'nowhere'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no organisation with the slug "nowhere": `pnpm cli plan:list`/);
  });
});

describe('pnpm cli plan:revise', () => {
  const revise = (...more: string[]) =>
    cli(
      'plan:revise',
      PLAN_2027,
      ...PLAN,
      '--revision',
      '2027',
      '--published-on',
      '2027-04-01',
      ...more,
    );
  const difference = [
    '  added 1.2.3: Fund a safety campaign for rural roads each winter',
    '  withdrawn 1.1.3: Work with councils on lighting and CCTV where crime is highest',
    "  reworded 2.1.1: Commission a victims' hub open seven days a week → Commission a victims' hub open every day of the year, with evening hours",
    '1 added, 1 withdrawn, 1 reworded, 0 renumbered; 12 unchanged.',
  ];

  it('prints exactly what the revision changes in a dry run, and changes nothing', async () => {
    const before = await written();
    const run = await revise('--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `Revision 2027 of wessex-2025-29 (${TITLE}), published 2027-04-01, from ${PLAN_2027}:`,
        ...difference,
        'Dry run: nothing was changed. Run it again without --dry-run to apply it.',
        '',
      ].join('\n'),
    );
    expect(await written()).toEqual(before);
    const hub = await database.prisma.commitment.findFirstOrThrow({
      where: { code: '2.1.1', plan: { organisation: { slug: 'wessex-opcc' } } },
    });
    expect(hub.text).toBe("Commission a victims' hub open seven days a week");
  });

  it('applies it: one added, one withdrawn, one reworded, from its publication', async () => {
    const run = await revise();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `Applied revision 2027 of wessex-2025-29 (${TITLE}), published 2027-04-01, from ${PLAN_2027}:`,
        ...difference,
        'Its changes hold from 2027-04-01: the plan as at an earlier date reads as it was, and withdrawn commitments keep their actions and updates.',
        '',
      ].join('\n'),
    );
    const commitments = await database.prisma.commitment.findMany({
      where: { plan: { slug: 'wessex-2025-29', organisation: { slug: 'wessex-opcc' } } },
      include: { withdrawnInRevision: true, introducedInRevision: true },
    });
    const byCode = new Map(commitments.map((c) => [c.code, c]));
    expect(commitments).toHaveLength(15);
    expect(byCode.get('1.1.3')).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnInRevision: { code: '2027' },
    });
    expect(byCode.get('1.2.3')).toMatchObject({ introducedInRevision: { code: '2027' } });
    expect(byCode.get('2.1.1')?.text).toBe(
      "Commission a victims' hub open every day of the year, with evening hours",
    );
    expect(await database.prisma.auditLog.findFirst({ where: { action: 'revise' } })).toMatchObject(
      { actor: 'pnpm cli plan:revise' },
    );
  });

  it('refuses a revision code used before, the same file again, and an unknown plan', async () => {
    const before = await written();
    const sameCode = await revise();
    expect(sameCode.status).toBe(1);
    expect(sameCode.stderr).toMatch(
      /^error: cannot revise the plan \(nothing was changed\): --revision: The plan already has a revision 2027$/m,
    );
    const sameFile = await cli(
      'plan:revise',
      PLAN_2027,
      ...PLAN,
      '--revision',
      '2028',
      '--published-on',
      '2028-04-01',
    );
    expect(sameFile.status).toBe(1);
    expect(sameFile.stderr).toMatch(/This file was loaded before, as revision 2027/);
    const unknown = await cli(
      'plan:revise',
      PLAN_2027,
      '--organisation',
      'wessex-opcc',
      '--plan',
      'wessex-2030',
      '--revision',
      '2028',
      '--published-on',
      '2028-04-01',
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /^error: wessex-opcc has no plan with the slug "wessex-2030": `pnpm cli plan:list --organisation wessex-opcc` lists its plans$/m,
    );
    expect(await written()).toEqual(before);
  });
});

describe('pnpm cli plan:publish, plan:unpublish, plan:archive and plan:list', () => {
  const planNow = () =>
    database.prisma.plan.findFirstOrThrow({
      where: { slug: 'wessex-2025-29', organisation: { slug: 'wessex-opcc' } },
    });
  const history = async () =>
    (
      await database.prisma.auditLog.findMany({
        where: { entityType: 'Plan', entityId: (await planNow()).id },
        orderBy: { sequence: 'asc' },
      })
    ).map((entry) => [entry.action, entry.actor]);

  it('lists every organisation with its plans', async () => {
    const run = await cli('plan:list');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        'mercia-opcc: Office of the Mercia Police and Crime Commissioner',
        `  wessex-2025-29  ${TITLE}  2025-04-01 to 2029-03-31  published  14 commitments`,
        `wessex-opcc: ${WESSEX}`,
        `  wessex-2025-29  ${TITLE}  2025-04-01 to 2029-03-31  draft  14 commitments (1 withdrawn)`,
        '',
      ].join('\n'),
    );
  });

  it('publishes a plan, once', async () => {
    const run = await cli('plan:publish', ...PLAN);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Published wessex-2025-29 (${TITLE}) of ${WESSEX}: anonymous readers and open data see it now.\n`,
    );
    expect(await planNow()).toMatchObject({ published: true });
    const again = await cli('plan:publish', ...PLAN);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(`wessex-2025-29 (${TITLE}) is already published: nothing changed.\n`);
    expect(await history()).toEqual([
      ['import', 'pnpm cli plan:import'],
      ['revise', 'pnpm cli plan:revise'],
      ['publish', 'pnpm cli plan:publish'],
    ]);
  });

  it('unpublishes and archives it, and then will not publish it', async () => {
    const unpublished = await cli('plan:unpublish', ...PLAN);
    expect(unpublished.status, unpublished.stderr).toBe(0);
    expect(unpublished.stdout).toBe(
      `Unpublished wessex-2025-29 (${TITLE}) of ${WESSEX}: only its organisation’s staff see it now.\n`,
    );
    expect(await planNow()).toMatchObject({ published: false, archivedAt: null });

    const archived = await cli('plan:archive', ...PLAN);
    expect(archived.status, archived.stderr).toBe(0);
    expect(archived.stdout).toMatch(/^Archived wessex-2025-29 .*: its staff can still read it;/);
    expect((await planNow()).archivedAt).toBeInstanceOf(Date);

    const published = await cli('plan:publish', ...PLAN);
    expect(published.status).toBe(1);
    expect(published.stderr).toMatch(
      /^error: cannot change wessex-2025-29: This plan is archived: bring it back before publishing it$/m,
    );
    expect(await planNow()).toMatchObject({ published: false });
    expect((await history()).slice(-2)).toEqual([
      ['unpublish', 'pnpm cli plan:unpublish'],
      ['archive', 'pnpm cli plan:archive'],
    ]);
  });

  it('lists one organisation, the archived plan as archived', async () => {
    const run = await cli('plan:list', '--organisation', 'wessex-opcc');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `wessex-opcc: ${WESSEX}`,
        `  wessex-2025-29  ${TITLE}  2025-04-01 to 2029-03-31  archived  14 commitments (1 withdrawn)`,
        '',
      ].join('\n'),
    );
    const unknown = await cli('plan:list', '--organisation', 'nowhere');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no organisation with the slug "nowhere"/);
  });
});
