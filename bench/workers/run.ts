/**
 * One benchmark run in its own process (one database, one Payload instance):
 *   tsx bench/workers/run.ts import|baseline DIR COUNT
 * Prints one JSON line: { docs, seconds, perSecond, statuses, maxRssMb }.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const [mode, dir, countArg] = process.argv.slice(2)
const count = Number(countArg)

const { getPayload } = await import('payload')
const { closePayload } = await import('@/db/close')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, count)

const statuses: Record<string, number> = {}
const started = process.hrtime.bigint()

if (mode === 'import') {
  const { Importer } = await import('@/features/import/importer')
  const importer = new Importer(payload)
  for (const file of files) {
    const result = await importer.importDocument(file, readFileSync(path.join(dir, file)))
    statuses[result.status] = (statuses[result.status] ?? 0) + 1
  }
} else {
  // Baseline: a plain Local API loop creating one versioned draft article at a time.
  const { paragraphsToLexical } = await import('@/features/import/lexical')
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const [title, ...rest] = text.split('\n').filter((l) => l.trim())
    await payload.create({
      collection: 'articles',
      data: { title: title.slice(0, 200), body: paragraphsToLexical(rest) as never },
      draft: true,
      overrideAccess: true,
    })
    statuses.created = (statuses.created ?? 0) + 1
  }
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9
await closePayload(payload)
process.stdout.write(
  `${JSON.stringify({
    mode,
    docs: files.length,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(files.length / seconds),
    statuses,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
)
process.exit(0)
