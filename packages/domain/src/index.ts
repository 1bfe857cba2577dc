/**
 * The plan delivery tracker's domain library.
 *
 * Pure TypeScript with no I/O: zod schemas and types for every entity, the lifecycle and RAG
 * rules, the financial-year timeline, "as at" replay of history, roll-ups, the report model and
 * the plan-text importer. Everything is exported from this entry point; the reports (model,
 * builders, HTML, Markdown, CSV and JSON renderers, open data) are also their own entry point,
 * `@plan-tracker/domain/report`, and are re-exported here so code written before it keeps working.
 *
 * @packageDocumentation
 */
export * from './access/index.js';
export * from './dorset/index.js';
export * from './errors.js';
export * from './failures.js';
export * from './history/index.js';
export * from './importer/index.js';
export * from './loading/index.js';
export * from './model/index.js';
export * from './report/index.js';
export * from './rollup/index.js';
export * from './status/index.js';
export * from './timeline/index.js';
