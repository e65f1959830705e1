/**
 * npm run bench:profile-read -- <DATABASE_URI> [--iterations 300] [--cpu-prof-dir DIR]
 *
 * Where the time of one anonymous public read goes, in-process (Local API, no HTTP): the same
 * query an anonymous `GET /api/articles?limit=20&depth=1` runs, timed per layer:
 *   1. raw SQL: the page query on its own (libsql, reader connection of the same file)
 *   2. payload.db.find: the adapter (drizzle query building + rows → documents), published filter
 *   3. payload.find anonymous (overrideAccess: false), depth 0 and depth 1: + access, hooks,
 *      afterRead field traversal, relationship population
 * Prints ms per call (median of the iterations) and SQLite's query plan for the page query.
 * Run it with `node --cpu-prof` (see docs/performance.md) for the function-level profile.
 */
import { parseArgs } from 'node:util'

import { createClient } from '@libsql/client'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { iterations: { type: 'string', default: '300' } },
})
const uri = positionals[0]
if (!uri?.startsWith('file:')) throw new Error('usage: profileRead.ts file:/path/to/redaksi.db')
const iterations = Number(values.iterations)

const time = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 20; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]
  const p90 = samples[Math.floor(samples.length * 0.9)]
  console.log(`${label.padEnd(58)} median ${median.toFixed(2)} ms   p90 ${p90.toFixed(2)} ms`)
  return median
}

// Payload first: in production mode it applies pending migrations (indexes) before we look
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })

const raw = createClient({ url: uri })
const PAGE_SQL = `SELECT * FROM articles WHERE _status = 'published' ORDER BY created_at DESC LIMIT 20`
const plan = await raw.execute(`EXPLAIN QUERY PLAN ${PAGE_SQL}`)
console.log(`query plan: ${plan.rows.map((r) => String(r.detail)).join(' | ')}`)
const count = await raw.execute(`SELECT count(*) AS n FROM articles WHERE _status = 'published'`)
console.log(`published articles: ${String(count.rows[0].n)}`)
const published = { _status: { equals: 'published' } } as const

await time('raw SQL page query (SELECT * … LIMIT 20)', () => raw.execute(PAGE_SQL))
await time('payload.db.find (adapter only, published, limit 20)', () =>
  payload.db.find({ collection: 'articles', where: published, limit: 20, sort: '-createdAt' }),
)
await time('payload.find anonymous, depth 0', () =>
  payload.find({ collection: 'articles', limit: 20, depth: 0, overrideAccess: false }),
)
await time('payload.find anonymous, depth 1', () =>
  payload.find({ collection: 'articles', limit: 20, depth: 1, overrideAccess: false }),
)
await time('payload.find trusted (overrideAccess), depth 1, all rows', () =>
  payload.find({ collection: 'articles', limit: 20, depth: 1 }),
)
const result = await payload.find({
  collection: 'articles',
  limit: 20,
  depth: 1,
  overrideAccess: false,
})
await time(
  `JSON.stringify of the depth-1 page (${JSON.stringify(result).length} bytes)`,
  async () => JSON.stringify(result),
)
raw.close()
process.exit(0)
