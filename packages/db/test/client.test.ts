// openDatabase picks the driver from the URL; the embedded database keeps its data on disk.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseEnvError, defaultPgliteDataDir, openDatabase, repoRoot } from '../src/index.js';

describe('openDatabase', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'plan-tracker-pglite-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps embedded data in a folder across restarts (file:<folder>)', async () => {
    const dataDir = join(folder, 'nested', 'pglite');
    const first = await openDatabase({ url: `file:${dataDir}`, migrate: true });
    expect(first).toMatchObject({ kind: 'pglite', location: dataDir });
    await first.prisma.organisation.create({ data: { slug: 'dorset', name: 'Dorset OPCC' } });
    await first.close();
    expect(await readdir(dataDir)).toContain('PG_VERSION');

    const second = await openDatabase({ url: `file:${dataDir}`, migrate: true });
    try {
      expect(await second.migrate()).toEqual([]);
      expect(await second.prisma.organisation.findMany({ select: { slug: true } })).toEqual([
        { slug: 'dorset' },
      ]);
    } finally {
      await second.close();
    }
  });

  it('refuses a URL it cannot use before starting any driver', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/tracker' })).rejects.toThrow(
      DatabaseEnvError,
    );
  });

  it('defaults to data/pglite at the repository root', () => {
    expect(defaultPgliteDataDir).toBe(join(repoRoot, 'data', 'pglite'));
  });
});
