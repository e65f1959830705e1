/**
 * npm run bench:import [-- N]   (default N = 10000)
 * Generates N synthetic documents with varied layouts, then prints:
 *  - parse throughput (parseDocument only, documents generated and parsed one at a time),
 *  - import throughput into a fresh SQLite database (the real Importer), with peak RSS,
 *  - the baseline measured in the same run: a plain Local API loop creating one versioned draft
 *    article at a time (on min(N, 2000) documents), into another fresh SQLite database.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { parseDocument } from '@/features/import/parse'
import { generateDocument } from '../test/fixtures/synthetic'
import { entryArgv } from '@/config/node'

const n = Number(process.argv[2] ?? 10_000)
if (!Number.isInteger(n) || n <= 0) {
  console.error('usage: npm run bench:import -- [N]')
  process.exit(2)
}
const baselineN = Math.min(n, 2_000)
const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-bench-'))
const docsDir = path.join(work, 'docs')
mkdirSync(docsDir)

console.log(
  `Redaksi import benchmark: ${n} synthetic documents (${os.cpus().length} cores, Node ${process.version})`,
)

// 1. parse throughput (and write the documents for the import runs)
let parseNs = 0n
let bytes = 0
let warnings = 0
let failures = 0
for (let i = 0; i < n; i++) {
  const doc = generateDocument(i)
  writeFileSync(path.join(docsDir, doc.fileName), doc.text)
  bytes += Buffer.byteLength(doc.text)
  const t0 = process.hrtime.bigint()
  try {
    warnings += parseDocument(doc.text, { fileName: doc.fileName }).warnings.length
  } catch {
    failures++
  }
  parseNs += process.hrtime.bigint() - t0
}
const parseSeconds = Number(parseNs) / 1e9
console.log(
  `parse:    ${Math.round(n / parseSeconds)} documents/s (${n} docs, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${parseSeconds.toFixed(2)} s; ${failures} unparseable, ${warnings} warnings)   target >= 5000/s`,
)

const run = (mode: 'import' | 'baseline', count: number, extraEnv: Record<string, string> = {}) => {
  const db = path.join(work, `${mode}-${Object.keys(extraEnv).length ? 'stock' : 'tuned'}.db`)
  const res = spawnSync(
    process.execPath,
    [
      // the same heap limit as `npm run seed`: keeps V8 from growing lazily past what it needs
      '--max-old-space-size=256',
      ...entryArgv('production', path.join('bench/workers/run.ts')),
      mode,
      docsDir,
      String(count),
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        REDAKSI_LOCAL_START: '1',
        PAYLOAD_SECRET: 'bench-'.padEnd(40, 'x'),
        DATABASE_URI: `file:${db}`,
        REDAKSI_LOG_TO_STDERR: '1',
        JOBS_AUTORUN: 'false',
        ...extraEnv,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const line = res.stdout.trim().split('\n').pop() ?? ''
  try {
    return JSON.parse(line) as {
      docs: number
      seconds: number
      perSecond: number
      statuses: Record<string, number>
      maxRssMb: number
    }
  } catch {
    console.error(`${mode} run failed (exit ${res.status}):\n${res.stderr.slice(-3000)}`)
    process.exit(1)
  }
}

// 2. baselines first (same machine, same run): stock Payload/libsql, then with Redaksi's SQLite
// client (src/db/sqlite/client.ts: one writer, readers, statement reuse) that the importer also uses
const stock = run('baseline', baselineN, { REDAKSI_SQLITE_CLIENT: 'stock' })
console.log(
  `baseline: ${stock.perSecond} documents/s (plain Local API loop, one versioned draft article at a time, stock SQLite driver; ${stock.docs} docs in ${stock.seconds} s, peak RSS ${stock.maxRssMb} MB)`,
)
const baseline = run('baseline', baselineN)
console.log(
  `baseline: ${baseline.perSecond} documents/s (the same loop with Redaksi's SQLite client; ${baseline.docs} docs in ${baseline.seconds} s)`,
)

// 3. the importer
const imported = run('import', n)
console.log(
  `import:   ${imported.perSecond} documents/s (${imported.docs} docs in ${imported.seconds} s; ${Object.entries(
    imported.statuses,
  )
    .map(([s, c]) => `${c} ${s}`)
    .join(
      ', ',
    )})   target >= 150/s; ${(imported.perSecond / Math.max(1, stock.perSecond)).toFixed(1)}x the stock loop, which writes 2 of the importer's 5-7 rows per document`,
)
console.log(
  `peak RSS: ${imported.maxRssMb} MB during the import of ${imported.docs} documents   target < 500 MB`,
)

rmSync(work, { recursive: true, force: true })
