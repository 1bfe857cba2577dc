// Filled in by the model module's work; re-exported from the package entry point.
export {};
