// What a ConflictError carries: the record as it is now, as the same typed object any read
// returns, so field permissions apply to it (a `write:updates` API key does not see the
// staff-only `statusOverrideReason` or `version` here either).
import type { ConflictFailure, EntityName } from '@plan-tracker/domain';
import { brandWithType } from '@pothos/core';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { ConflictError } from '../errors.js';
import { DeliveryActionRef } from './action.js';
import { CommitmentRef } from './commitment.js';
import { MeasureValueRef } from './measure.js';
import { MilestoneRef } from './milestone.js';
import { PeriodRef } from './period.js';
import { PlanRef } from './plan.js';
import { UserRef } from './user.js';

const ConflictingRecordUnion = builder.unionType('ConflictingRecord', {
  description: 'A record that someone else changed first, as it is now.',
  types: [
    CommitmentRef,
    DeliveryActionRef,
    MilestoneRef,
    MeasureValueRef,
    PeriodRef,
    UserRef,
    PlanRef,
  ],
});

/** The GraphQL type of each entity a conflict can name. */
const TYPE_OF: Partial<Record<EntityName, string>> = {
  Commitment: 'Commitment',
  DeliveryAction: 'DeliveryAction',
  Milestone: 'Milestone',
  MeasureValue: 'MeasureValue',
  ReportingPeriod: 'ReportingPeriod',
  User: 'User',
  Plan: 'Plan',
};

/** Reads the record a conflict names, in the caller's organisation; null when it has gone. */
async function conflictingRecord(ctx: Context, failure: ConflictFailure): Promise<object | null> {
  if (ctx.caller.kind === 'anonymous') return null;
  const where = { id: failure.id, organisationId: ctx.caller.organisationId };
  const db = prisma(ctx);
  const row: object | null = await (async () => {
    switch (failure.entity) {
      case 'Commitment':
        return db.commitment.findFirst({ where });
      case 'DeliveryAction':
        return db.deliveryAction.findFirst({ where });
      case 'Milestone':
        return db.milestone.findFirst({ where });
      case 'MeasureValue':
        return db.measureValue.findFirst({ where });
      case 'ReportingPeriod':
        return db.reportingPeriod.findFirst({ where });
      case 'User':
        return db.user.findFirst({ where });
      case 'Plan':
        return db.plan.findFirst({ where });
      default:
        return null;
    }
  })();
  const type = TYPE_OF[failure.entity];
  if (!row || !type) return null;
  brandWithType(row, type as never);
  return row;
}

builder.objectField(ConflictError, 'current', (t) =>
  t.field({
    type: ConflictingRecordUnion,
    nullable: true,
    description:
      'The record as it is now, with the fields you may see (the same permissions as anywhere else); null if it has gone.',
    resolve: (error, _args, ctx) => conflictingRecord(ctx, error.failure) as never,
  }),
);
