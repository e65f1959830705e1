import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { buildIsCurrent, writeBuildStamp } from '../../src/server/buildStamp'

/** Integration and e2e tests serve the production build: make it once if it is missing or stale. */
export default function setup(): void {
  const root = process.cwd()
  if (buildIsCurrent(root)) return
  process.stderr.write('[globalSetup] building the admin (next build) for the tests...\n')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--conditions=production --no-deprecation',
      },
    },
  )
  if (result.status !== 0) throw new Error('next build failed; see the output above')
  writeBuildStamp(root)
}
