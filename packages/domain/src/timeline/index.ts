// Calendar dates, financial years and quarters, the plan period, elapsed share and overdue, and
// which commitments are in force at a date.
export * from './as-at.js';
export * from './calendar.js';
export * from './financial-year.js';
export * from './in-force.js';
export * from './plan.js';
