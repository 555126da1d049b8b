import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Temporal workers use native threads and workflow sandboxes: each test file gets its own process.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    include: ['test/**/*.test.ts'],
    // test/cluster needs the cluster that npm run test:cluster starts (vitest.cluster.config.ts)
    exclude: [...configDefaults.exclude, 'test/cluster/**'],
  },
});
