// Roll-ups of actions and commitments, and expected against actual progress.
export * from './expected.js';
export * from './plan.js';
export * from './rollup.js';
