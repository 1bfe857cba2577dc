// Filled in by the timeline module's work; re-exported from the package entry point.
export {};
