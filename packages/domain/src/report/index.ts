// The quarterly monitoring report: its input contract, its model, and the renderers that turn it
// into HTML, Markdown, CSV and JSON (with inline SVG charts) for the Police and Crime Panel; and
// the open data. Published as `@plan-tracker/domain/report` (package.json "exports") and
// re-exported from the package root.
export * from './build.js';
export * from './format.js';
export * from './input.js';
export * from './measures.js';
export * from './model.js';
export * from './open-data.js';
export { compareCommitmentCodes } from './order.js';
export * from './public.js';
export * from './render.js';
export * from './render-csv.js';
export { renderReportHtml } from './render-html.js';
export * from './render-json.js';
export * from './render-markdown.js';
