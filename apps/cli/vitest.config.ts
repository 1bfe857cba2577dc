import { defineConfig } from 'vitest/config';

// Each test spawns the real CLI, which loads TypeScript through tsx and, for database commands,
// the migration engine: seconds, not milliseconds.
export default defineConfig({ test: { testTimeout: 60_000 } });
