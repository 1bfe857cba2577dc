// The Dorset Police & Crime Plan 2021–29 as data: the plan, its revisions, its measures and the
// office. (The demo delivery data the seed loads lives with the seed, in packages/db.)
export * from './measures.js';
export * from './office.js';
export { dorsetPlanDocument } from './plan.js';
export * from './revisions.js';
