import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only the generator's unit tests: the benchmark itself is `pnpm bench`, never a test.
    include: ['src/**/*.test.ts'],
  },
});
