// Filled in by the status module's work; re-exported from the package entry point.
export {};
