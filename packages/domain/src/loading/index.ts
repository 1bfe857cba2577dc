// Loading a plan: its source read (text or JSON), what it creates, and what a new revision
// changes. Pure; packages/db writes it.
export * from './revision-diff.js';
export * from './source.js';
export * from './structure.js';
