/**
 * Cross-field rules on an item's figures (status, progress, dates), written once and used by
 * the entity schemas, the write inputs and the services that merge a partial change into the
 * stored record before saving.
 */
import type { z } from 'zod';
import { tryPeriodFromLabel } from '../timeline/financial-year.js';
import type { IsoDate } from './primitives.js';
import type { LifecycleStatus } from './vocabulary.js';

/** The figures the rules look at; any may be missing in a partial change. */
export interface Figures {
  readonly status?: LifecycleStatus | null | undefined;
  readonly progressPercent?: number | null | undefined;
  readonly startDate?: IsoDate | null | undefined;
  readonly dueDate?: IsoDate | null | undefined;
  readonly completedOn?: IsoDate | null | undefined;
}

/** A broken rule, with the field it belongs to (as zod reports it). */
export interface FigureIssue {
  readonly path: readonly [keyof Figures];
  readonly message: string;
}

/**
 * The rules the figures break, if any; a rule is only checked when the fields it needs are
 * present, so a partial change is judged on what it gives. Call it again on the merged record.
 *
 * - the due date is not before the start date (`dueDate`);
 * - completed work is at 100% (`progressPercent`): it is rejected, not corrected, so nobody
 *   marks work complete by mistake;
 * - only completed work has a completion date (`completedOn`), not before it started.
 *
 * @param figures - status, progress and dates
 */
export function figureIssues(figures: Figures): FigureIssue[] {
  const issues: FigureIssue[] = [];
  const { status, progressPercent, startDate, dueDate, completedOn } = figures;
  if (startDate && dueDate && dueDate < startDate) {
    issues.push({
      path: ['dueDate'],
      message: `The due date (${dueDate}) must be on or after the start date (${startDate}).`,
    });
  }
  if (status === 'COMPLETED' && progressPercent != null && progressPercent !== 100) {
    issues.push({
      path: ['progressPercent'],
      message: `Completed work must be 100% done, not ${progressPercent}%. Set progress to 100 or choose another status.`,
    });
  }
  if (completedOn && status && status !== 'COMPLETED') {
    issues.push({
      path: ['completedOn'],
      message: 'Only completed work has a completion date. Remove the date or mark it completed.',
    });
  }
  if (completedOn && startDate && completedOn < startDate) {
    issues.push({
      path: ['completedOn'],
      message: `The completion date (${completedOn}) must be on or after the start date (${startDate}).`,
    });
  }
  return issues;
}

/**
 * Reports {@link figureIssues} into a zod refinement context, so each message lands on its field.
 *
 * @param figures - status, progress and dates
 * @param ctx - the `superRefine` context
 */
export function addFigureIssues(figures: Figures, ctx: z.RefinementCtx): void {
  for (const issue of figureIssues(figures)) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
}

/**
 * Reports an end date that comes before a start date.
 *
 * @param start - start date, if any
 * @param end - end date, if any
 * @param endField - the field to blame
 * @param ctx - the `superRefine` context
 */
export function addRangeIssue(
  start: IsoDate | null | undefined,
  end: IsoDate | null | undefined,
  endField: string,
  ctx: z.RefinementCtx,
): void {
  if (start && end && end < start) {
    ctx.addIssue({
      code: 'custom',
      path: [endField],
      message: `The end date (${end}) must be on or after the start date (${start}).`,
    });
  }
}

/** What {@link addUpdateIssues} checks on a progress update or its input. */
export interface UpdateFigures {
  readonly period: string;
  readonly recordedOn: IsoDate;
  readonly statusAfter?: LifecycleStatus | null | undefined;
  readonly progressAfter?: number | null | undefined;
}

/**
 * Reports the rules a progress update breaks: the figures it leaves behind (completed work at
 * less than 100%, reported at `progressAfter`), and a `recordedOn` before its period began (an
 * update for `2021/22 Q2` cannot be written in June 2021; writing it in October is normal).
 *
 * @param update - period, date recorded and figures after
 * @param ctx - the `superRefine` context
 */
export function addUpdateIssues(update: UpdateFigures, ctx: z.RefinementCtx): void {
  for (const issue of figureIssues({
    status: update.statusAfter,
    progressPercent: update.progressAfter,
  })) {
    ctx.addIssue({ code: 'custom', path: ['progressAfter'], message: issue.message });
  }
  const period = tryPeriodFromLabel(update.period);
  if (period && update.recordedOn < period.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['recordedOn'],
      message: `An update for ${update.period} cannot be recorded before the period starts on ${period.startDate}.`,
    });
  }
}

/**
 * The day a progress update's figures hold from: the day it was recorded, or its quarter's last
 * day when it was recorded after the quarter ended. Offices write a quarter's updates in the
 * weeks after it ends, and what they report is the position at its end, so an update for
 * `2021/22 Q2` recorded on 12 October 2021 holds from 30 September 2021: "as at" the quarter's
 * end and its report both show it.
 *
 * @param period - the quarter the update is for, e.g. `2021/22 Q2`
 * @param recordedOn - the day it was written
 */
export function updateEffectiveOn(period: string, recordedOn: IsoDate): IsoDate {
  const quarter = tryPeriodFromLabel(period);
  return quarter && recordedOn > quarter.endDate ? quarter.endDate : recordedOn;
}
