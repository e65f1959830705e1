import path from 'node:path'

import { defineConfig } from 'vitest/config'
import { BaseSequencer } from 'vitest/node'
import type { TestSpecification } from 'vitest/node'

const root = process.cwd()
const alias = {
  '@payload-config': path.resolve(root, 'payload.config.ts'),
  '@': path.resolve(root, 'src'),
  '@collections': path.resolve(root, 'collections'),
}

/**
 * Integration suites that spend most of their time waiting in real time (the jobs scheduler, job
 * leases, webhook retries and time-outs, login throttling, graceful shutdown) rather than
 * computing; longest first.
 */
const TIMED_SUITES = [
  'test/integration/desk.test.ts',
  'test/integration/cluster.test.ts',
  'test/integration/webhooks.test.ts',
  'test/integration/workflow.test.ts',
  'test/integration/security/login-abuse.test.ts',
  'test/integration/shutdown.test.ts',
]

const relativeFile = (spec: TestSpecification) => path.relative(root, spec.moduleId)

/**
 * Two files run at a time. On CI's two cores two computing suites side by side each take ~1.8x as
 * long, so the queue pairs them: a waiting suite, then a computing one, and so on. The browser
 * tests join the waiting side once its suites are queued (they would otherwise run alone at the
 * end). Unit files go first; within each kind the default order stands.
 */
class PairWaitingWithComputing extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const unit = sorted.filter((f) => f.project.name === 'unit')
    const integration = sorted.filter((f) => f.project.name === 'integration')
    const browser = sorted.filter((f) => f.project.name === 'e2e')
    const timed = [
      ...TIMED_SUITES.flatMap((file) => integration.filter((f) => relativeFile(f) === file)),
      ...browser,
    ]
    const computing = integration.filter((f) => !TIMED_SUITES.includes(relativeFile(f)))
    const paired: TestSpecification[] = []
    for (let i = 0; i < Math.max(timed.length, computing.length); i += 1) {
      if (timed[i]) paired.push(timed[i])
      if (computing[i]) paired.push(computing[i])
    }
    return [...unit, ...paired]
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: PairWaitingWithComputing },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // two at a time, paired by the sequencer above
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // queued between integration files by the sequencer above
          maxWorkers: 2,
        },
      },
    ],
  },
})
