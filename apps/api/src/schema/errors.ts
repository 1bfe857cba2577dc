// The typed failures of mutations: an interface every error result implements, and one object
// type per code of the domain's one vocabulary (FAILURE_CODES). ConflictError's `current` (the
// record as it is now, as a typed object) is added in conflict.ts, once the record types exist.
import { FAILURE_CODES, type FailureCode } from '@plan-tracker/domain';
import { builder } from '../builder.js';
import {
  type ApiError,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  PeriodClosedError,
  RateLimitedError,
  TransitionError,
  ValidationError,
} from '../errors.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable codes of expected failures; branch on these, never on messages.',
  values: Object.fromEntries(
    Object.entries(FAILURE_CODES).map(([code, description]) => [code, { description }]),
  ) as Record<FailureCode, { description: string }>,
});

export const MutationErrorInterface = builder.interfaceRef<ApiError>('MutationError').implement({
  description: 'An expected failure of a mutation. Nothing was written.',
  fields: (t) => ({
    code: t.field({
      type: ErrorCodeEnum,
      description: 'Stable code for programs.',
      resolve: (error) => error.code,
    }),
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
  }),
});

const FieldIssueType = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description: 'One broken rule on one input field.',
  fields: (t) => ({
    path: t.stringList({
      description:
        'Path to the field, e.g. `["input", "evidence", "0", "url"]`; empty for the whole input.',
      resolve: (issue) => [...issue.path],
    }),
    message: t.exposeString('message', { description: 'What is wrong and how to put it right.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke a rule. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    issues: t.field({
      type: [FieldIssueType],
      description: 'Every broken rule, on its field.',
      resolve: (error) => [...error.issues],
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone else changed the record since you read it. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({
    currentVersion: t.int({
      description: 'The version the record has now; send it with your retry.',
      resolve: (error) => error.failure.currentVersion,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'No such record that you can see. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    entity: t.string({
      description: 'The kind of record looked for.',
      resolve: (error) => error.failure.entity,
    }),
    id: t.string({ description: 'The id looked for.', resolve: (error) => error.failure.id }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'You may not do this. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(PeriodClosedError, {
  name: 'PeriodClosedError',
  description: 'The change falls in a closed reporting period. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof PeriodClosedError,
  fields: (t) => ({
    period: t.string({
      description: 'The closed period, e.g. `2021/22 Q2`.',
      resolve: (error) => error.failure.period,
    }),
  }),
});

builder.objectType(TransitionError, {
  name: 'TransitionError',
  description: 'The lifecycle status cannot change that way. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof TransitionError,
  fields: (t) => ({
    transitionCode: t.string({
      description: 'The domain rule: `STATUS_TRANSITION_FORBIDDEN` or `STATUS_REASON_REQUIRED`.',
      resolve: (error) => error.failure.transitionCode,
    }),
    from: t.string({ description: 'The status now.', resolve: (error) => error.failure.from }),
    to: t.string({ description: 'The status asked for.', resolve: (error) => error.failure.to }),
    allowed: t.stringList({
      description: 'The statuses it may change to.',
      resolve: (error) => [...error.failure.allowed],
    }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description:
    'Too many attempts in a short time: refused before anything was checked. Nothing was written.',
  interfaces: [MutationErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({
    retryAfterSeconds: t.int({
      description: 'Seconds until you may try again.',
      resolve: (error) => error.failure.retryAfterSeconds,
    }),
  }),
});
