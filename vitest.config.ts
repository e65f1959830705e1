import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = process.cwd()
const alias = {
  '@payload-config': path.resolve(root, 'payload.config.ts'),
  '@': path.resolve(root, 'src'),
  '@collections': path.resolve(root, 'collections'),
}

/**
 * Integration suites whose assertions depend on time, overload or races (schedulers and leases,
 * retries and timeouts, load shedding, rate and login throttles, two-server propagation, shutdown
 * drains, concurrent writers): they run one file at a time, with nothing else of the
 * integration project beside them.
 */
const TIMING_SENSITIVE = [
  'test/integration/availability.test.ts',
  'test/integration/cluster.test.ts',
  'test/integration/deliveryAcceptance.test.ts',
  'test/integration/desk.test.ts',
  'test/integration/fastWrites.test.ts',
  'test/integration/limits.test.ts',
  'test/integration/logs.test.ts',
  'test/integration/publicCache.test.ts',
  'test/integration/server.test.ts',
  'test/integration/shutdown.test.ts',
  'test/integration/startup.test.ts',
  'test/integration/webhooks.test.ts',
  'test/integration/workflow.test.ts',
  'test/integration/security/last-admin.test.ts',
  'test/integration/security/locks.test.ts',
  'test/integration/security/login-abuse.test.ts',
  'test/integration/security/rate-limits.test.ts',
]

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          // functional suites: two files at a time (each starts its own servers and databases
          // on free ports); run first, on their own
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: TIMING_SENSITIVE,
          environment: 'node',
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          // suites that measure time, overload or races: one file at a time, after the others
          name: 'integration-serial',
          include: TIMING_SENSITIVE,
          environment: 'node',
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
