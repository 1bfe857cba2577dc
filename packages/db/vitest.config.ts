import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own PGlite (about 3 s of wasm start-up) or PostgreSQL cluster, and the
    // drift checks replay the migrations on shadow databases.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
