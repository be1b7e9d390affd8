import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Ends every pty and child process a test started, and waits for it, after each test.
    setupFiles: ['tests/helpers/setup.ts'],
    // Each test file in its own child process (vitest's default, stated because the pty tests
    // need it): a native pty or a stray signal handler never outlives its file.
    pool: 'forks',
    // Hang detectors, not speed limits: pty tests wait for text on screen or a process exit,
    // and a loaded two-core machine may take many times the usual time to get there.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Terminal tests spawn real processes; two cores are all this machine has.
    maxWorkers: 2,
  },
});
