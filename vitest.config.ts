import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Terminal tests spawn real processes; two cores are all this machine has.
    maxWorkers: 2,
  },
});
