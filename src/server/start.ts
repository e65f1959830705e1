/**
 * `npm start`: serve the production build of the admin, building it first when no build exists
 * or the sources changed since the last one. Without NODE_ENV=production in the environment this
 * is a local run (a generated secret in ./data is allowed); with it, the strict production rules
 * apply (PAYLOAD_SECRET required).
 */
import { enterProductionMode } from '@/config/env'

import { buildAdmin, buildIsCurrent } from './buildStamp'

const root = process.cwd()

enterProductionMode()

if (!buildIsCurrent(root)) {
  process.stderr.write(
    'redaksi: building the admin panel (next build); this takes a minute or two\n',
  )
  const status = buildAdmin(root)
  if (status !== 0) {
    process.stderr.write('redaksi: next build failed (see above)\n')
    process.exit(status)
  }
}

const { main } = await import('./index')
await main()
