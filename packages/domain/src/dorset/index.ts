// Filled in by the dorset module's work; re-exported from the package entry point.
export {};
