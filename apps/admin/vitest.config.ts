import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The browser suite builds the app and starts a server once per file; one file at a time
    // keeps two Chromiums and two servers from competing on a 2-core machine.
    fileParallelism: false,
    // A browser test walks through several pages; on two busy cores that can take a while.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Browser assertions wait for the page as a person would, not for one frame.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
