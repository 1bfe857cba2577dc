// Roll-ups of actions and commitments, and expected against actual progress.
export * from './commitment.js';
export * from './expected.js';
export * from './plan.js';
export * from './rollup.js';
