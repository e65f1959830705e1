import { buildAdmin, buildIsCurrent } from '@/server/buildStamp'

/** Integration and e2e tests serve the production build: make it once if it is missing or stale. */
export default function setup(): void {
  const root = process.cwd()
  if (buildIsCurrent(root)) return
  process.stderr.write('[globalSetup] building the admin (next build) for the tests...\n')
  if (buildAdmin(root) !== 0) throw new Error('next build failed; see the output above')
}
