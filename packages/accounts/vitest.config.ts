import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The demo-user test starts its own PGlite (a few seconds of wasm start-up) and migrates it.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
