// Recording a measure's value for a reporting period.
import { MeasureValueInputSchema, quarterOf } from '@plan-tracker/domain';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { toDbDate } from './dates.js';
import { conflictError, notFoundError, type ServiceResult, zodValidationError } from './errors.js';
import { type MeasureValueRecord, measureValueRecord } from './records.js';
import type { Changed } from './status.js';
import {
  abort,
  appendHistory,
  assertPeriodsOpen,
  authorise,
  changedFields,
  cleanNote,
  commonIssues,
  type Effective,
  isUniqueViolation,
  pickFields,
  rejectIssues,
  runWrite,
} from './write.js';

const VALUE_FIELDS = ['period', 'value', 'note', 'recordedOn'] as const;

export interface RecordMeasureValueArgs {
  /** The domain's `MeasureValueInput`; `recordedOn` is the date the value is true from. */
  readonly input: z.input<typeof MeasureValueInputSchema>;
  /**
   * The version of the value already recorded for this measure and period, as the caller read
   * it; omit (or `null`) when the caller saw none. Replacing a value without it is a CONFLICT.
   */
  readonly expectedVersion?: number | null | undefined;
}

/**
 * Records (or replaces) a measure's value for one reporting period. The value's period and the
 * quarter of `recordedOn` must both be open.
 */
export async function recordMeasureValue(
  prisma: PrismaClient,
  actor: Actor,
  args: RecordMeasureValueArgs,
): Promise<ServiceResult<Changed<MeasureValueRecord>>> {
  const invalid = rejectIssues(
    args.expectedVersion == null ? [] : commonIssues({ expectedVersion: args.expectedVersion }),
  );
  if (invalid) return invalid;
  const parsed = MeasureValueInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  const effective: Effective = {
    effectiveOn: input.recordedOn,
    period: quarterOf(input.recordedOn).label,
  };
  const expectedVersion = args.expectedVersion ?? null;

  const result = async () =>
    runWrite(prisma, async (tx) => {
      const measure = await tx.measure.findFirst({
        where: { id: input.measureId, organisationId: actor.organisationId },
        select: { id: true, organisationId: true, priority: { select: { planId: true } } },
      });
      if (!measure) abort(notFoundError('Measure', input.measureId));
      authorise(actor, 'recordMeasure', measure);
      await assertPeriodsOpen(tx, actor.organisationId, [input.period, effective.period]);
      const existing = await tx.measureValue.findUnique({
        where: { measureId_period: { measureId: measure.id, period: input.period } },
      });
      const data = {
        value: input.value,
        note: input.note,
        recordedOn: toDbDate(input.recordedOn),
      };
      if (!existing) {
        const row = await tx.measureValue.create({
          data: {
            organisationId: actor.organisationId,
            measureId: measure.id,
            period: input.period,
            ...data,
          },
        });
        const record = measureValueRecord(row);
        const historyId = await appendHistory(tx, actor, {
          planId: measure.priority.planId,
          entityType: 'MeasureValue',
          entityId: record.id,
          action: 'create',
          effective,
          before: null,
          after: { measureId: record.measureId, ...pickFields(record, VALUE_FIELDS) },
          note: cleanNote(input.note),
        });
        return { record, historyId };
      }
      const current = measureValueRecord(existing);
      if (current.version !== expectedVersion) {
        abort(conflictError('MeasureValue', current.id, expectedVersion, { ...current }));
      }
      const { count } = await tx.measureValue.updateMany({
        where: { id: current.id, version: current.version },
        data: { ...data, version: { increment: 1 } },
      });
      const record = measureValueRecord(
        await tx.measureValue.findUniqueOrThrow({ where: { id: current.id } }),
      );
      if (count === 0)
        abort(conflictError('MeasureValue', current.id, expectedVersion, { ...record }));
      const historyId = await appendHistory(tx, actor, {
        planId: measure.priority.planId,
        entityType: 'MeasureValue',
        entityId: record.id,
        action: 'record',
        effective,
        ...changedFields(current, record, VALUE_FIELDS),
        note: cleanNote(input.note),
      });
      return { record, historyId };
    });

  try {
    return await result();
  } catch (error) {
    // Two first values for the same period at once: the loser sees the winner's as a conflict.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.measureValue.findFirst({
      where: {
        measureId: input.measureId,
        period: input.period,
        organisationId: actor.organisationId,
      },
    });
    if (!winner) throw error;
    const current = measureValueRecord(winner);
    return {
      ok: false,
      error: conflictError('MeasureValue', current.id, expectedVersion, { ...current }),
    };
  }
}
