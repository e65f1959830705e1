/**
 * npm run search:reindex
 * Rebuilds the full-text search index from the published articles (src/features/search): every
 * live article is indexed again, entries of articles no longer live are removed. Searches and
 * saves go on meanwhile. Exit codes: 0 done, 1 failed, 2 usage error.
 */
import './env'

import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { isConfigError } from '@/config/errors'
import { closePayload } from '@/db/close'
import { engineFor } from '@/features/search/engine'
import { reindexArticles } from '@/features/search/service'
import { safeErrorMessage } from '@/logging/safeError'

const usage = 'usage: npm run search:reindex'

try {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true })
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    process.exit(0)
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`)
  process.exit(2)
}

try {
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    const engine = await engineFor(payload)
    const startedAt = Date.now()
    const { indexed, removed } = await reindexArticles(payload)
    process.stdout.write(
      `search index (${engine.name}): ${indexed} published articles indexed, ${removed} stale entries removed in ${Date.now() - startedAt} ms\n`,
    )
  } finally {
    await closePayload(payload)
  }
} catch (err) {
  process.stderr.write(
    `search:reindex failed: ${isConfigError(err) ? err.message : safeErrorMessage(err)}\n`,
  )
  process.exitCode = 1
}
