import { defineConfig } from 'vitest/config';

/**
 * npm run test:cluster (scripts/test-cluster.sh): the tests of the production topology, against the one cluster the
 * script started. One file at a time: they kill and restart its shared processes.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    include: ['test/cluster/**/*.test.ts'],
  },
});
