import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/closing-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000, // 2 min: some tests start the simulator and run the CLI
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['suites/**/*.test.ts'],
          globalSetup: ['engine/run/global-setup.ts'],
          setupFiles: ['engine/run/worker-setup.ts'],
          testTimeout: 30 * 60_000, // 30 min: a live map launch may take 15 min
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
