/**
 * npm run bench:soak [-- --seconds 60 --concurrency 50 --lock-seconds 12]
 *
 * Starts the production server on a fresh SQLite database (or DATABASE_URI=postgres://… for
 * Postgres: the lock part is SQLite-only) and prints figures for:
 *  (a) a soak: `concurrency` clients for `seconds` mixing anonymous REST and GraphQL reads, editor
 *      saves, workflow transitions and forgot-password calls, while `npm run seed` imports a folder
 *      of synthetic documents: status counts, 5xx, timeouts (> 10 s), p50/p99 per kind, RSS
 *      before/peak/after, the largest WAL seen;
 *  (b) the lock test: another process (the sqlite3 CLI) holds `BEGIN EXCLUSIVE` for
 *      `lock-seconds`: /healthz latency throughout, /readyz status and latency, what writes get,
 *      and how long until everything works again, with a stale-read check.
 * Baseline in the same run: /healthz on the idle server (the floor for any request).
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Api, bootstrapAccounts } from '../test/helpers/api'
import { startTestServer } from '../test/helpers/server'
import { holdExclusiveLock } from '../test/helpers/sqliteLocker'
import { generateDocument } from '../test/fixtures/synthetic'
import { entryArgv } from '@/config/node'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a number`)
    process.exit(2)
  }
  return value
}
const SECONDS = arg('seconds', 60)
const CONCURRENCY = arg('concurrency', 50)
const LOCK_SECONDS = arg('lock-seconds', 12)
const TIMEOUT_MS = 10_000
const ARTICLES = arg('articles', 120)
const IMPORT_DOCS = arg('import-docs', 400)

const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-soak-'))
const external = process.env.DATABASE_URI
const databaseUri = external || `file:${path.join(work, 'redaksi.db')}`
const sqliteFile = databaseUri.startsWith('file:') ? databaseUri.slice(5) : null

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const rssMb = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}
const walMb = (): number => {
  if (!sqliteFile || !existsSync(`${sqliteFile}-wal`)) return 0
  return Math.round((statSync(`${sqliteFile}-wal`).size / 1024 / 1024) * 10) / 10
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const main = async () => {
  console.log(
    `Redaksi soak: ${CONCURRENCY} clients x ${SECONDS} s, then a ${LOCK_SECONDS} s external lock (${os.cpus().length} cores, Node ${process.version}, ${sqliteFile ? 'SQLite' : 'Postgres'})`,
  )
  const server = await startTestServer({ databaseUri, timeoutMs: 300_000 })
  const pid = server.child.pid!
  const api = new Api(server.url)
  const tokens = await bootstrapAccounts(api)
  const editor = api.as(tokens.editor)
  const editor2 = api.as(tokens.editor2)
  const contributor = api.as(tokens.contributor)

  // published articles to read, drafts to save and move through the workflow
  const published: (string | number)[] = []
  const drafts: (string | number)[] = []
  for (let i = 0; i < ARTICLES; i++) {
    const doc = generateDocument(i)
    const created = await contributor.post<{ doc: { id: string | number } }>('/api/articles', {
      title:
        doc.text
          .split('\n')
          .find((l) => l.trim())
          ?.slice(0, 120) || `Article ${i}`,
      summary: doc.text.slice(0, 300),
    })
    const id = created.body.doc.id
    if (i % 3 === 2) {
      drafts.push(id)
      continue
    }
    await contributor.post(`/api/articles/${id}/workflow`, { action: 'submit' })
    await editor.post(`/api/articles/${id}/workflow`, { action: 'approve' })
    await editor.post(`/api/articles/${id}/workflow`, { action: 'publish' })
    published.push(id)
  }
  const docsDir = path.join(work, 'import')
  mkdirSync(docsDir)
  for (let i = 0; i < IMPORT_DOCS; i++) {
    const doc = generateDocument(10_000 + i)
    writeFileSync(path.join(docsDir, doc.fileName), doc.text)
  }

  // baseline: the idle server's /healthz
  const idle: number[] = []
  for (let i = 0; i < 50; i++) {
    const t = performance.now()
    await fetch(`${server.url}/healthz`).then((r) => r.text())
    idle.push(performance.now() - t)
  }
  const rssBefore = rssMb(pid)
  console.log(
    `setup: ${published.length} published, ${drafts.length} drafts; idle /healthz p50 ${percentile(idle, 50).toFixed(1)} ms, p99 ${percentile(idle, 99).toFixed(1)} ms; RSS ${rssBefore} MB`,
  )

  // (a) the soak
  type Kind = 'rest-list' | 'rest-one' | 'graphql' | 'save' | 'workflow' | 'forgot' | 'healthz'
  const stats = new Map<
    Kind,
    { latencies: number[]; statuses: Map<number, number>; timeouts: number }
  >()
  const record = (kind: Kind, ms: number, status: number | 'timeout') => {
    let s = stats.get(kind)
    if (!s) stats.set(kind, (s = { latencies: [], statuses: new Map(), timeouts: 0 }))
    if (status === 'timeout') s.timeouts += 1
    else {
      s.latencies.push(ms)
      s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1)
    }
  }
  const call = async (
    kind: Kind,
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
  ) => {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (token) headers.Authorization = `JWT ${token}`
    const t = performance.now()
    try {
      const res = await fetch(`${server.url}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      await res.arrayBuffer()
      record(kind, performance.now() - t, res.status)
    } catch {
      record(kind, performance.now() - t, 'timeout')
    }
  }
  const pickOne = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]
  const step = async () => {
    const r = Math.random()
    if (r < 0.35) return call('rest-list', 'GET', '/api/articles?limit=20&depth=1', null)
    if (r < 0.5) return call('rest-one', 'GET', `/api/articles/${pickOne(published)}`, null)
    if (r < 0.65)
      return call('graphql', 'POST', '/api/graphql', null, {
        query: '{ Articles(limit: 10) { docs { id title summary publishedAt } totalDocs } }',
      })
    if (r < 0.8)
      return call('save', 'PATCH', `/api/articles/${pickOne(drafts)}?draft=true`, tokens.editor, {
        summary: `Edited at ${Date.now()}`,
      })
    if (r < 0.9) {
      const id = pickOne(published)
      return call('workflow', 'POST', `/api/articles/${id}/workflow`, tokens.editor2, {
        action: Math.random() < 0.5 ? 'unpublish' : 'publish',
      })
    }
    if (r < 0.95)
      return call('forgot', 'POST', '/api/editors/forgot-password', null, {
        email:
          Math.random() < 0.5
            ? 'editor@redaksi.test'
            : `nobody${Math.floor(Math.random() * 1e6)}@x.test`,
      })
    return call('healthz', 'GET', '/healthz', null)
  }

  const seed = spawn(process.execPath, entryArgv('production', 'src/cli/seed.ts', docsDir), {
    env: {
      ...process.env,
      DATABASE_URI: databaseUri,
      NODE_ENV: 'production',
      REDAKSI_LOCAL_START: '1',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let seedOutput = ''
  seed.stdout.on('data', (c: Buffer) => (seedOutput += c.toString()))
  seed.stderr.on('data', (c: Buffer) => (seedOutput += c.toString()))
  const seedExit = new Promise<number | null>((resolve) => seed.once('exit', resolve))

  let rssPeak = rssBefore
  let walPeak = walMb()
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(pid))
    walPeak = Math.max(walPeak, walMb())
  }, 250)
  const until = Date.now() + SECONDS * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) await step()
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const seedCode = await Promise.race([seedExit, sleep(120_000).then(() => 'still running')])
  clearInterval(sampler)
  // V8 returns the garbage of a load spike lazily (its memory reducer runs once the process has
  // been quiet for a while): RSS is read 10 s and 60 s after the load stops
  await sleep(10_000)
  const rssAfter10 = rssMb(pid)
  await sleep(50_000)
  const rssAfter = rssMb(pid)

  let total = 0
  let fiveXX = 0
  let shed = 0
  let timeouts = 0
  console.log('\n(a) soak')
  for (const [kind, s] of stats) {
    const n = s.latencies.length + s.timeouts
    total += n
    timeouts += s.timeouts
    for (const [status, count] of s.statuses) {
      if (status === 503) shed += count
      else if (status >= 500) fiveXX += count
    }
    const statuses = [...s.statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}:${v}`)
      .join(' ')
    console.log(
      `  ${kind.padEnd(9)} ${String(n).padStart(6)} req  p50 ${percentile(s.latencies, 50).toFixed(0).padStart(5)} ms  p99 ${percentile(s.latencies, 99).toFixed(0).padStart(5)} ms  max ${Math.max(
        0,
        ...s.latencies,
      )
        .toFixed(0)
        .padStart(5)} ms  timeouts ${s.timeouts}  [${statuses}]`,
    )
  }
  const seedSummary = seedOutput
    .trim()
    .split('\n')
    .filter((l) => /imported|failed|unchanged|updated/i.test(l))
    .slice(-2)
    .join(' | ')
  console.log(
    `  total ${total} requests in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(0)} req/s; 5xx other than 503: ${fiveXX}; 503 (shed/busy): ${shed}; timeouts: ${timeouts}`,
  )
  console.log(
    `  concurrent import: exit ${String(seedCode)}; ${seedSummary || seedOutput.trim().split('\n').slice(-1)[0]}`,
  )
  console.log(
    `  RSS before ${rssBefore} MB, peak ${rssPeak} MB, after 10 s idle ${rssAfter10} MB, after 60 s idle ${rssAfter} MB (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(0)}% over start; target within 20%); largest WAL ${walPeak} MB (target < 64 MB)`,
  )

  // (b) the lock test
  if (sqliteFile && LOCK_SECONDS > 0) {
    console.log(`\n(b) external BEGIN EXCLUSIVE for ${LOCK_SECONDS} s`)
    // a live article nobody else touches, to check for stale reads afterwards
    const fresh = await contributor.post<{ doc: { id: string | number } }>('/api/articles', {
      title: 'Lock-test victim',
    })
    const victim = fresh.body.doc.id
    await contributor.post(`/api/articles/${victim}/workflow`, { action: 'submit' })
    await editor.post(`/api/articles/${victim}/workflow`, { action: 'approve' })
    await editor.post(`/api/articles/${victim}/workflow`, { action: 'publish' })
    const lock = await holdExclusiveLock(sqliteFile, 20_000)
    const lockStart = Date.now()
    const health: number[] = []
    let healthFailures = 0
    const ready: { ms: number; status: number }[] = []
    const writes: { ms: number; status: number; body: string }[] = []
    const reads: { ms: number; status: number }[] = []
    const loops = [
      (async () => {
        while (Date.now() - lockStart < LOCK_SECONDS * 1000) {
          const t = performance.now()
          const res = await fetch(`${server.url}/healthz`).catch(() => null)
          health.push(performance.now() - t)
          if (res?.status !== 200) healthFailures += 1
          await res?.arrayBuffer()
          await sleep(20)
        }
      })(),
      (async () => {
        while (Date.now() - lockStart < LOCK_SECONDS * 1000) {
          const t = performance.now()
          const res = await fetch(`${server.url}/readyz`)
          await res.arrayBuffer()
          ready.push({ ms: performance.now() - t, status: res.status })
          await sleep(500)
        }
      })(),
      (async () => {
        while (Date.now() - lockStart < LOCK_SECONDS * 1000) {
          const t = performance.now()
          const res = await editor.patch(`/api/articles/${drafts[0]}?draft=true`, {
            summary: 'under lock',
          })
          writes.push({
            ms: performance.now() - t,
            status: res.status,
            body: JSON.stringify(res.body).slice(0, 160),
          })
          const t2 = performance.now()
          const read = await api.get(`/api/articles/${victim}`)
          reads.push({ ms: performance.now() - t2, status: read.status })
          await sleep(300)
        }
      })(),
    ]
    await Promise.all(loops)
    await lock.release()
    const released = Date.now()
    let recoveredMs = -1
    for (;;) {
      const readyRes = await fetch(`${server.url}/readyz`)
      const write = await editor.patch(`/api/articles/${drafts[0]}?draft=true`, {
        summary: 'after lock',
      })
      if (readyRes.status === 200 && write.status === 200) {
        recoveredMs = Date.now() - released
        break
      }
      if (Date.now() - released > 30_000) break
      await sleep(100)
    }
    // no stale reads: unpublish, and anonymous readers stop seeing it at once
    const un = await editor2.post(`/api/articles/${victim}/workflow`, { action: 'unpublish' })
    const anon = await api.get(`/api/articles/${victim}`)
    const statusCount = (items: { status: number }[]) =>
      [
        ...items.reduce(
          (m, i) => m.set(i.status, (m.get(i.status) ?? 0) + 1),
          new Map<number, number>(),
        ),
      ]
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')
    console.log(
      `  /healthz: ${health.length} probes, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms, failures ${healthFailures}`,
    )
    console.log(
      `  /readyz: [${statusCount(ready)}], slowest ${Math.max(...ready.map((r) => r.ms)).toFixed(0)} ms (timeout 2000 ms)`,
    )
    console.log(
      `  writes: [${statusCount(writes)}], slowest ${Math.max(...writes.map((w) => w.ms)).toFixed(0)} ms; e.g. ${writes[0]?.body}`,
    )
    console.log(
      `  anonymous reads: [${statusCount(reads)}], slowest ${Math.max(...reads.map((r) => r.ms)).toFixed(0)} ms`,
    )
    console.log(
      `  recovered (readyz 200 and a write succeeds) ${recoveredMs} ms after the lock ended; unpublish ${un.status}, anonymous read afterwards ${anon.status} (404 = no stale read)`,
    )
  }
  await server.stop('SIGTERM')
  rmSync(work, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  rmSync(work, { recursive: true, force: true })
  process.exit(1)
})
