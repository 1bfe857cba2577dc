import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships both CommonJS (main) and ESM (module) builds. Node loads the CommonJS one
    // for Pothos and yoga; without this, Vite would hand our own files the ESM one, and graphql
    // refuses to mix schema objects from two copies of itself.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file starts its own PGlite (a few seconds of wasm start-up) and migrates it.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
