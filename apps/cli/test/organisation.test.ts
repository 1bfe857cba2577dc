// `pnpm cli org:create`, then `user:create --organisation` (and `--platform-operator`) in the new
// organisation, in process on one new database (migrated, not seeded).
import type { Database } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, shared } from './in-process.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
const cli = (args: string[], env: Record<string, string> = {}) =>
  runInProcess(args, { openDatabase: shared(database), env });
const WESSEX = 'Office of the Wessex Police and Crime Commissioner';
const password = { PLAN_TRACKER_PASSWORD: 'a long first admin passphrase' };

describe('pnpm cli org:create', () => {
  it('explains itself with --help', async () => {
    const { status, stdout } = await runInProcess(['org:create', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/--slug <slug>/);
    expect(stdout).toMatch(/--name <name>/);
  });

  it('names the option of each broken rule, and creates nothing', async () => {
    const run = await cli(['org:create', '--slug', 'Wessex OPCC', '--name', ' ']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: cannot create the organisation: --slug: Use lower-case letters and digits joined by hyphens, for example dorset-2021-29; --name: Give the organisation a name$/m,
    );
    expect(await database.prisma.organisation.count()).toBe(0);
  });

  it('creates the organisation, with history, and says what to do next', async () => {
    const run = await cli(['org:create', '--slug', 'wessex-opcc', '--name', WESSEX]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `Created the organisation wessex-opcc: ${WESSEX}.`,
        'Next, make its first administrator:',
        "  PLAN_TRACKER_PASSWORD='…' pnpm cli user:create --organisation wessex-opcc --email … --name … --role ADMIN",
        'and load its plan (--dry-run shows what it would create):',
        '  pnpm cli plan:import <file> --organisation wessex-opcc --slug … --title … --period-start … --period-end … --dry-run',
        '',
      ].join('\n'),
    );
    const organisation = await database.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'wessex-opcc' },
    });
    expect(organisation.name).toBe(WESSEX);
    const history = await database.prisma.auditLog.findMany({
      where: { entityType: 'Organisation', entityId: organisation.id },
    });
    expect(history).toMatchObject([
      { action: 'create', actor: 'pnpm cli org:create', organisationId: organisation.id },
    ]);
  });

  it('refuses a slug that is taken, naming the option', async () => {
    const run = await cli(['org:create', '--slug', 'wessex-opcc', '--name', 'Another']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: cannot create the organisation: --slug: The slug wessex-opcc is taken by Office of the Wessex Police and Crime Commissioner\. Choose another$/m,
    );
    expect(await database.prisma.organisation.count()).toBe(1);
  });
});

describe('pnpm cli user:create --organisation', () => {
  it('makes the first administrator of the new organisation', async () => {
    const run = await cli(
      [
        'user:create',
        '--organisation',
        'wessex-opcc',
        '--email',
        'ada@wessex-opcc.example',
        '--name',
        'Ada Lovelace',
        '--role',
        'ADMIN',
      ],
      password,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Created ADMIN ada@wessex-opcc.example (Ada Lovelace) in ${WESSEX}.\n`);
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: 'ada@wessex-opcc.example' },
      include: { organisation: true },
    });
    expect(user).toMatchObject({
      role: 'ADMIN',
      platformOperator: false,
      organisation: { slug: 'wessex-opcc' },
    });
    // No Dorset office was made on the way: only the default organisation is upserted.
    expect(await database.prisma.organisation.count()).toBe(1);
  });

  it('makes a platform operator with --platform-operator', async () => {
    const run = await cli(
      [
        'user:create',
        '--organisation',
        'wessex-opcc',
        '--email',
        'ops@wessex-opcc.example',
        '--name',
        'Grace Hopper',
        '--role',
        'VIEWER',
        '--platform-operator',
      ],
      password,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Created VIEWER ops@wessex-opcc.example (Grace Hopper) in ${WESSEX}, a platform operator (may create organisations).\n`,
    );
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: 'ops@wessex-opcc.example' },
    });
    expect(user.platformOperator).toBe(true);
  });

  it('says how to list and create organisations when the slug is unknown', async () => {
    const run = await cli(
      [
        'user:create',
        '--organisation',
        'mercia-opcc',
        '--email',
        'x@mercia.example',
        '--name',
        'X',
        '--role',
        'ADMIN',
      ],
      password,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: there is no organisation with the slug "mercia-opcc": `pnpm cli plan:list` lists the organisations, `pnpm cli org:create --slug mercia-opcc --name "…"` makes one$/m,
    );
    expect(await database.prisma.user.count({ where: { email: 'x@mercia.example' } })).toBe(0);
  });
});
