// Lifecycle-status transitions and labels, RAG labels and ordering.
export * from './lifecycle.js';
export * from './rag.js';
