/**
 * Writes the synthetic plans with bulk inserts: one statement per table and plan, the rows sent
 * as one JSON parameter and expanded by `json_populate_recordset`, instead of the per-row
 * services (hours for half a million rows) or Prisma's `createMany` (several seconds a plan).
 * The generator already wrote the history the services would have written.
 */
import type { PrismaClient } from '@plan-tracker/db';
import type { IsoDate } from '@plan-tracker/domain';
import { generatePlan, type PlanDataset } from './generate.js';

export interface LoadOptions {
  /** How many plans (one organisation each). */
  readonly plans: number;
  readonly today: IsoDate;
  /** Told after each plan. */
  readonly onPlan?: (done: number, total: number, rows: number) => void;
}

export interface LoadedDataset {
  /** The first plan: the one the scenarios read and write. */
  readonly first: PlanDataset;
  readonly rows: number;
  /** Rows per table, over every plan. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * One INSERT of `rows` into `table`. Only the rows' own columns are listed, so the others take
 * their defaults (`version`, `createdAt`, `AuditLog.sequence`); rows go in in array order
 * (`WITH ORDINALITY`), which is the order `sequence` numbers them in.
 */
export async function bulkInsert(
  prisma: PrismaClient,
  table: string,
  rows: readonly object[],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first)
    .map((column) => `"${column}"`)
    .join(', ');
  // Prisma fills `updatedAt` itself (the column has no default): give it to rows without one.
  const stamp = !('updatedAt' in first) && !APPEND_ONLY.has(table);
  await prisma.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}${stamp ? ', "updatedAt"' : ''})
     SELECT ${columns}${stamp ? ', now()' : ''}
     FROM json_populate_recordset(NULL::"${table}", $1::json) WITH ORDINALITY
     ORDER BY ordinality`,
    JSON.stringify(rows),
  );
}

/** Tables without `updatedAt`. */
const APPEND_ONLY = new Set(['AuditLog', 'ProgressUpdate']);

/** Inserts one plan's rows, parents before children. Returns how many rows it wrote. */
export async function insertPlan(prisma: PrismaClient, data: PlanDataset): Promise<number> {
  await bulkInsert(prisma, 'Organisation', [data.organisation]);
  await bulkInsert(prisma, 'Plan', [data.plan]);
  await bulkInsert(prisma, 'PlanRevision', data.revisions);
  await bulkInsert(prisma, 'PriorityStatement', data.priorityStatements);
  await bulkInsert(prisma, 'ReportingPeriod', data.reportingPeriods);
  await bulkInsert(prisma, 'Priority', data.priorities);
  await bulkInsert(prisma, 'Theme', data.themes);
  await bulkInsert(prisma, 'Commitment', data.commitments);
  await bulkInsert(prisma, 'DeliveryAction', data.actions);
  await bulkInsert(prisma, 'Milestone', data.milestones);
  await bulkInsert(prisma, 'ProgressUpdate', data.progressUpdates);
  await bulkInsert(prisma, 'Measure', data.measures);
  await bulkInsert(prisma, 'MeasureValue', data.measureValues);
  await bulkInsert(prisma, 'AuditLog', data.auditLogs);
  return rowCount(data);
}

export function rowCount(data: PlanDataset): number {
  return Object.values(data).reduce(
    (sum, value) => sum + (Array.isArray(value) ? value.length : 1),
    0,
  );
}

/**
 * Generates and inserts `plans` synthetic plans, `concurrency` at a time (PostgreSQL takes two
 * writers on two cores well; PGlite runs one statement at a time anyway).
 */
export async function loadDataset(
  prisma: PrismaClient,
  options: LoadOptions & { readonly concurrency?: number },
): Promise<LoadedDataset> {
  const counts: Record<string, number> = {};
  let first: PlanDataset | undefined;
  let rows = 0;
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.plans) {
      const index = next;
      next += 1;
      const data = generatePlan(index, { today: options.today });
      if (index === 0) first = data;
      const written = await insertPlan(prisma, data);
      rows += written;
      for (const [table, value] of Object.entries(data)) {
        counts[table] = (counts[table] ?? 0) + (Array.isArray(value) ? value.length : 1);
      }
      done += 1;
      options.onPlan?.(done, options.plans, rows);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  if (!first) throw new Error('Give at least one plan (--scale 1 or more).');
  return { first, rows, counts };
}
