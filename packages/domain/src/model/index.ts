// Zod schemas and inferred types for the vocabularies, entities and write inputs.
export * from './entities.js';
export * from './inputs.js';
export * from './primitives.js';
export * from './rules.js';
export * from './vocabulary.js';
