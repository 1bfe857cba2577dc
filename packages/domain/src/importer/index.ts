// Filled in by the importer module's work; re-exported from the package entry point.
export {};
