// Calendar dates, financial years and quarters, the plan period, elapsed share and overdue.
export * from './calendar.js';
export * from './financial-year.js';
export * from './plan.js';
