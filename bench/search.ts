/**
 * npm run bench:search [-- N [DATABASE_URI]]   (default N = 2000, a fresh SQLite file)
 * Publishes N synthetic articles (the seed generator's text, through the Local API, so each save
 * renders the body and updates the search index in its transaction), then prints:
 *  - publish throughput with the content + search hooks,
 *  - `search:reindex` time for all N,
 *  - search latency (p50/p95/max) for 300 queries of 1–3 words from the articles' own vocabulary,
 *    in-process (no HTTP), page 1, limit 10.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { enterProductionMode } from '@/config/env'
import { parseDocument } from '@/features/import/parse'
import { paragraphsToLexical } from '@/features/import/lexical'
import { generateDocument } from '../test/fixtures/synthetic'

const n = Number(process.argv[2] ?? 2_000)
if (!Number.isInteger(n) || n <= 0) {
  console.error('usage: npm run bench:search -- [N] [DATABASE_URI]')
  process.exit(2)
}
const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-bench-search-'))
const uri = process.argv[3] ?? `file:${path.join(work, 'bench.db')}`
Object.assign(process.env, {
  DATABASE_URI: uri,
  JOBS_AUTORUN: 'false',
  SEED_ON_START: 'false',
  LOG_LEVEL: 'warn',
  REDAKSI_LOG_TO_STDERR: '1',
})
enterProductionMode()

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { reindexArticles, searchArticles } = await import('@/features/search/service')
const { closePayload } = await import('@/db/close')
const payload = await getPayload({ config })

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

try {
  console.log(
    `Redaksi search benchmark: ${n} published articles on ${payload.db.name} (${os.cpus().length} cores, Node ${process.version})`,
  )
  const vocabulary = new Set<string>()
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const parsed = parseDocument(generateDocument(i).text, { fileName: `b${i}.txt` })
    const paragraphs = parsed.paragraphs
    for (const w of (parsed.title.match(/\p{L}{5,}/gu) ?? []).slice(0, 4)) {
      vocabulary.add(w.toLowerCase())
    }
    await payload.create({
      collection: 'articles',
      data: {
        title: `${parsed.title} ${i}`,
        body: paragraphsToLexical(paragraphs) as never,
        language: parsed.language ?? 'id',
        _status: 'published',
        workflowStatus: 'published',
        publishedAt: new Date().toISOString(),
      },
      overrideAccess: true,
      context: { workflowTransition: true },
    })
  }
  const publishMs = performance.now() - t0
  console.log(
    `publish:  ${Math.round(n / (publishMs / 1000))} articles/s (${n} in ${(publishMs / 1000).toFixed(1)} s, content + search hooks included)`,
  )
  const r0 = performance.now()
  const { indexed } = await reindexArticles(payload)
  console.log(`reindex:  ${indexed} articles in ${Math.round(performance.now() - r0)} ms`)

  const words = [...vocabulary]
  const req = { payload, context: {} } as Parameters<typeof searchArticles>[0]
  const times: number[] = []
  let hits = 0
  for (let i = 0; i < 300; i++) {
    const q = Array.from(
      { length: 1 + (i % 3) },
      (_, k) => words[(i * 7 + k * 13) % words.length],
    ).join(' ')
    const s0 = performance.now()
    const res = await searchArticles(req, { q, limit: 10 })
    times.push(performance.now() - s0)
    hits += res.totalDocs
  }
  times.sort((a, b) => a - b)
  console.log(
    `search:   p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over 300 queries (${(hits / 300).toFixed(0)} matches per query on average)`,
  )
} finally {
  await closePayload(payload)
  rmSync(work, { recursive: true, force: true })
}
