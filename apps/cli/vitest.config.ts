import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each database test file starts its own PGlite (a few seconds of wasm start-up) and migrates
    // it once; the commands then run in process in milliseconds to a few seconds.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
