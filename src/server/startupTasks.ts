import { existsSync, readFileSync } from 'node:fs'

import type { Payload } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { expandPaths } from '@/features/import/files'
import { Importer } from '@/features/import/importer'
import { ImportSummary } from '@/features/import/report'

export const SEEDS_DIR = 'seeds'

/**
 * Work done once the database is ready, before requests are served: on an empty database, import
 * the documents in seeds/ so a newcomer sees the seed article in the review queue
 * (SEED_ON_START=false turns it off).
 */
export const runStartupTasks = async (payload: Payload): Promise<void> => {
  if (!env.seedOnStart()) return
  if (!existsSync(SEEDS_DIR)) return
  const { totalDocs } = await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })
  if (totalDocs > 0) return
  const importer = new Importer(payload)
  const summary = new ImportSummary()
  for (const entry of expandPaths([SEEDS_DIR])) {
    if (!entry.file) continue
    const result = await importer.importDocument(entry.file, readFileSync(entry.file))
    summary.add(result)
    if (result.status === 'failed') {
      payload.logger.warn(`seed import: ${entry.file} failed: ${result.error}`)
    }
  }
  payload.logger.info(
    `seed import on first start: ${[...summary.counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'no documents'} (SEED_ON_START=false turns this off)`,
  )
}
