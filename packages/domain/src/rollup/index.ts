// Filled in by the rollup module's work; re-exported from the package entry point.
export {};
