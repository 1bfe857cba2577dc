// The services the API, the CLI and the seed call: writes that change state and append history
// in one transaction, and the reads built on them.

export * from './action.js';
export * from './actor.js';
export * from './api-key.js';
export * from './as-at.js';
export * from './dates.js';
export * from './derived.js';
export * from './errors.js';
export * from './measure.js';
export * from './milestone.js';
export * from './period.js';
export * from './plan.js';
export * from './progress-update.js';
export * from './records.js';
export * from './rollup.js';
export * from './single-sign-on.js';
export * from './status.js';
export type { SubjectKind, SubjectState } from './subject.js';
export * from './user.js';
export type {
  Effective,
  FieldValues,
  HistoryAction,
  HistoryEntityType,
  VersionedArgs,
} from './write.js';
