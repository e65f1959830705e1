/**
 * npm run bench:api [-- --articles 2000 --duration 10 --duration50 30 --only list1,list0]
 *
 * Fast public reads (issue #10), measured in one run on one database:
 *  1. builds the admin if needed, imports N synthetic documents with the real importer and
 *     publishes every one through the workflow endpoint;
 *  2. the RAW BASELINE: plain Express + @libsql/client over the same SQLite file, returning the
 *     same published rows with their tags, authors and media (bench/workers/rawBaseline.ts);
 *  3. Redaksi with the response cache off (PUBLIC_CACHE=off): every request runs Payload;
 *  4. Redaksi with the response cache on (default): anonymous reads served from memory;
 *  at c=10 and c=50, with autocannon as a library; /healthz is probed throughout.
 * Prints req/s, p50, p99, max, errors/timeouts/non-2xx, the ratio to the raw baseline's list
 * (depth 1 against depth 1, depth 0 against depth 0), the slowest /healthz, and each server's RSS
 * idle, at peak and 5 s and 20 s after the run. A shared machine is noisy: compare ratios to the
 * baseline of the same run, not absolute numbers between runs.
 */
import { spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { buildAdmin, buildIsCurrent } from '@/server/buildStamp'
import { serverArgv, entryArgv } from '@/config/node'
import { generateDocument } from '../test/fixtures/synthetic'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '10' },
    duration50: { type: 'string', default: '30' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
})
const articles = Number(values.articles)
const duration10 = Number(values.duration)
const duration50 = Number(values.duration50)
const only = values.only ? new Set(values.only.split(',')) : null

const root = process.cwd()
const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-bench-api-'))
const databaseUri = `file:${path.join(work, 'redaksi.db')}`
const PASSWORD = 'api bench passphrase'
const secret = randomBytes(24).toString('hex')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const rssMb = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}

const baseEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: '',
  DATABASE_URI: databaseUri,
  PAYLOAD_SECRET: secret,
  NODE_ENV: 'production',
  REDAKSI_LOCAL_START: '1',
})

interface Proc {
  url: string
  child: ChildProcess
  stop: () => Promise<void>
}

const startProcess = async (argv: string[], env: NodeJS.ProcessEnv): Promise<Proc> => {
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)))
  const started = Date.now()
  for (;;) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
    if (match) {
      return {
        url: match[1],
        child,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return
          const exited = new Promise((resolve) => child.once('exit', resolve))
          child.kill('SIGTERM')
          // a server still draining after 15 s is cut off (the figures are taken already)
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
          await exited
          clearTimeout(timer)
        },
      }
    }
    if (child.exitCode !== null || Date.now() - started > 180_000) {
      child.kill('SIGKILL')
      throw new Error(`process did not start:\n${log}`)
    }
    await sleep(100)
  }
}

/** cold: no cache at all; uncached: no response cache (lists from the document cache); cached: both. */
type CacheMode = 'cold' | 'uncached' | 'cached'

const startRedaksi = (mode: CacheMode) =>
  startProcess(serverArgv('production', 'src/server/serve.ts'), {
    ...baseEnv(),
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    PUBLIC_CACHE: mode === 'cached' ? 'on' : 'off',
    PUBLIC_DOCUMENT_CACHE: mode === 'cold' ? 'off' : 'on',
    // one client address makes all the load here (as a CDN or a site's server would): the
    // per-address anonymous rate limit (300/min by default) would answer 429 to nearly all of it
    RATE_LIMIT_ANONYMOUS: process.env.RATE_LIMIT_ANONYMOUS ?? '10000000',
  })

interface Scenario {
  id: string
  name: string
  options: (url: string) => autocannon.Options
  /** the raw baseline scenario this one is compared with */
  baseline?: string
}

interface Row {
  server: string
  scenario: string
  c: number
  reqPerSec: number
  p50: number
  p99: number
  max: number
  errors: number
  timeouts: number
  non2xx: number
  ratio: string
  healthMax: number
}

const rows: Row[] = []
const memory: { server: string; idle: number; peak: number; after5: number; after: number }[] = []
const baselineRps = new Map<string, number>()

const measure = async (
  serverName: string,
  proc: Proc,
  scenario: Scenario,
  connections: number,
  seconds: number,
  onPeak: (rss: number) => void,
) => {
  const options = scenario.options(proc.url)
  // warm up (and for cached runs: fill the cache)
  for (let i = 0; i < 3; i++) {
    const res = await fetch(String(options.url), {
      method: options.method ?? 'GET',
      headers: options.headers as Record<string, string> | undefined,
      body: options.body as string | undefined,
    })
    await res.arrayBuffer()
    if (i === 0 && res.status >= 400) {
      console.log(`  ${scenario.name}: ${res.status} on the first request; skipped`)
      return
    }
  }
  let probing = true
  let healthMax = 0
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now()
      const res = await fetch(`${proc.url}/healthz`).catch(() => null)
      await res?.arrayBuffer()
      healthMax = Math.max(healthMax, performance.now() - t0)
      onPeak(rssMb(proc.child.pid!))
      await sleep(250)
    }
  })()
  const result = await autocannon({ ...options, connections, duration: seconds, timeout: 10 })
  probing = false
  await probe
  if (connections === 50 && scenario.id === 'list1') {
    await httpClientLoad(String(options.url), connections, Math.min(seconds, 15))
  }
  // successful answers per second: a 429 or 503 is not served content (counted as non-2xx)
  const rps = Math.round(result['2xx'] / Math.max(1, result.duration))
  if (serverName === 'raw baseline') baselineRps.set(`${scenario.id}@${connections}`, rps)
  const base = scenario.baseline
    ? baselineRps.get(`${scenario.baseline}@${connections}`)
    : undefined
  const row: Row = {
    server: serverName,
    scenario: scenario.name,
    c: connections,
    reqPerSec: rps,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ratio: base ? `${(rps / base).toFixed(2)}×` : '',
    healthMax: Math.round(healthMax),
  }
  rows.push(row)
  console.log(
    `  ${serverName.padEnd(16)} c=${String(connections).padEnd(3)} ${scenario.name.padEnd(34)} ${String(rps).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  max ${row.max} ms  errors ${row.errors} timeouts ${row.timeouts} non-2xx ${row.non2xx}  ${row.ratio ? `${row.ratio} raw` : ''}  /healthz max ${row.healthMax} ms`,
  )
}

/**
 * A cross-check for autocannon's tail at c=50: the same GET from `connections` keep-alive
 * connections of Node's own http client, each sending its next request when the previous answer
 * has been read. Prints p50/p99/max and how evenly the connections were served.
 */
const httpClientLoad = async (url: string, connections: number, seconds: number) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  const perConnection: number[] = Array.from({ length: connections }, () => 0)
  let failed = 0
  const deadline = Date.now() + seconds * 1000
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now()
      const req = http.get(url, { agent, timeout: 10_000 }, (res) => {
        res.resume()
        res.once('end', () => {
          if (res.statusCode === 200) {
            latencies.push(performance.now() - t0)
            perConnection[i]++
          } else failed++
          resolve()
        })
      })
      req.once('timeout', () => req.destroy(new Error('timeout')))
      req.once('error', () => {
        failed++
        resolve()
      })
    })
  await Promise.all(
    perConnection.map(async (_, i) => {
      while (Date.now() < deadline) await one(i)
    }),
  )
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q: number) => Math.round(latencies[Math.floor((latencies.length - 1) * q)] ?? 0)
  const served = [...perConnection].sort((a, b) => a - b)
  console.log(
    `    cross-check, Node http client c=${connections} ${seconds} s: ${Math.round(latencies.length / seconds)} req/s  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms  failed ${failed}  answers per connection ${served[0]}-${served[served.length - 1]}`,
  )
}

const runServer = async (serverName: string, proc: Proc, scenarios: Scenario[]) => {
  const pid = proc.child.pid!
  await sleep(2000)
  const idle = rssMb(pid)
  let peak = idle
  const onPeak = (rss: number) => (peak = Math.max(peak, rss))
  for (const connections of [10, 50]) {
    for (const scenario of scenarios) {
      if (only && !only.has(scenario.id)) continue
      await measure(
        serverName,
        proc,
        scenario,
        connections,
        connections === 50 ? duration50 : duration10,
        onPeak,
      )
    }
  }
  // V8 gives memory back only after allocation has been low for a while (its memory reducer)
  await sleep(5000)
  const after5 = rssMb(pid)
  await sleep(15000)
  const after = rssMb(pid)
  memory.push({ server: serverName, idle, peak, after5, after })
  console.log(
    `  ${serverName}: RSS idle ${idle} MB, peak ${peak} MB, after ${after5} MB (5 s) / ${after} MB (20 s)`,
  )
}

const main = async () => {
  console.log(
    `Redaksi API benchmark: ${articles} published articles, c=10 for ${duration10} s and c=50 for ${duration50} s per scenario (${os.cpus().length} cores, Node ${process.version})`,
  )
  if (!buildIsCurrent(root)) {
    console.log('building the admin (next build)...')
    if (buildAdmin(root) !== 0) throw new Error('next build failed')
  }

  // 1. import N synthetic documents (the real importer), then publish them through the workflow
  const docs = path.join(work, 'docs')
  mkdirSync(docs)
  for (let i = 0; i < articles; i++) {
    const doc = generateDocument(i)
    writeFileSync(path.join(docs, doc.fileName), doc.text)
  }
  const t0 = Date.now()
  const seeded = spawnSync(process.execPath, entryArgv('production', 'src/cli/seed.ts', docs), {
    cwd: root,
    env: baseEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr.toString().slice(-2000)}`)
  console.log(`setup: imported ${articles} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

  let redaksi = await startRedaksi('cold')
  let sample: { id: number; slug: string } = { id: 1, slug: '' }
  try {
    const json = { 'Content-Type': 'application/json' }
    await fetch(`${redaksi.url}/api/editors/first-register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'bench@redaksi.test', password: PASSWORD, name: 'Bench' }),
    })
    const login = (await (
      await fetch(`${redaksi.url}/api/editors/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'bench@redaksi.test', password: PASSWORD }),
      })
    ).json()) as { token: string }
    const auth = { ...json, Authorization: `JWT ${login.token}` }
    const list = (await (
      await fetch(`${redaksi.url}/api/articles?limit=100000&depth=0&select[slug]=true`, {
        headers: auth,
      })
    ).json()) as { docs: { id: number; slug: string }[] }
    const ids = list.docs.map((d) => d.id)
    const t1 = Date.now()
    let published = 0
    const worker = async () => {
      while (ids.length > 0) {
        const id = ids.pop()!
        const res = await fetch(`${redaksi.url}/api/articles/${id}/workflow`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ action: 'publish' }),
        })
        if (res.ok) published++
        await res.arrayBuffer()
      }
    }
    await Promise.all([worker(), worker(), worker()])
    console.log(
      `setup: ${published} articles published through the workflow in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
    )
    sample = list.docs[Math.floor(list.docs.length / 2)]
  } catch (err) {
    await redaksi.stop()
    throw err
  }

  const graphqlBody = JSON.stringify({
    query:
      '{ Articles(limit: 20) { docs { id title slug summary publishedAt authors { name } } totalDocs } }',
  })
  const scenarios: Scenario[] = [
    {
      id: 'list1',
      name: 'list depth=1 (limit 20)',
      options: (url) => ({ url: `${url}/api/articles?limit=20&depth=1` }),
      baseline: 'list1',
    },
    {
      id: 'list0',
      name: 'list depth=0 (limit 20)',
      options: (url) => ({ url: `${url}/api/articles?limit=20&depth=0` }),
      baseline: 'list0',
    },
    {
      id: 'byid',
      name: 'by id (depth 1)',
      options: (url) => ({ url: `${url}/api/articles/${sample.id}` }),
    },
    {
      id: 'byslug',
      name: 'by slug (where slug, limit 1)',
      options: (url) => ({
        url: `${url}/api/articles?where[slug][equals]=${encodeURIComponent(sample.slug)}&limit=1`,
      }),
    },
    {
      id: 'graphql',
      name: 'GraphQL list (20, authors)',
      options: (url) => ({
        url: `${url}/api/graphql`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: graphqlBody,
      }),
    },
    {
      id: 'search',
      name: 'search ?q= (if present)',
      options: (url) => ({ url: `${url}/api/search?q=jakarta` }),
    },
  ]
  const rawScenarios: Scenario[] = [
    {
      id: 'list1',
      name: 'list depth=1 (limit 20)',
      options: (url) => ({ url: `${url}/articles?limit=20&depth=1` }),
    },
    {
      id: 'list0',
      name: 'list depth=0 (limit 20)',
      options: (url) => ({ url: `${url}/articles?limit=20&depth=0` }),
    },
  ]

  const procs: Proc[] = [redaksi]
  try {
    console.log('\nraw baseline (Express + @libsql/client, same database file)')
    const raw = await startProcess(
      entryArgv('production', 'bench/workers/rawBaseline.ts', databaseUri),
      baseEnv(),
    )
    procs.push(raw)
    await runServer('raw baseline', raw, rawScenarios)
    await raw.stop()

    console.log(
      '\nRedaksi cold (PUBLIC_CACHE=off, PUBLIC_DOCUMENT_CACHE=off): Payload renders every document of every request',
    )
    await runServer('redaksi cold', redaksi, scenarios)
    await redaksi.stop()

    console.log(
      '\nRedaksi uncached (PUBLIC_CACHE=off): no response cache; lists from the document cache, the page from Payload',
    )
    redaksi = await startRedaksi('uncached')
    procs.push(redaksi)
    await runServer('redaksi uncached', redaksi, scenarios)
    await redaksi.stop()

    console.log('\nRedaksi, response cache on (default): anonymous reads from memory')
    redaksi = await startRedaksi('cached')
    procs.push(redaksi)
    await runServer('redaksi cached', redaksi, scenarios)
  } finally {
    for (const proc of procs) await proc.stop().catch(() => undefined)
  }

  console.log(
    '\nSummary (ratio: req/s over the raw baseline list of the same depth and c, same run)',
  )
  console.table(
    rows.map((r) => ({
      server: r.server,
      scenario: r.scenario,
      c: r.c,
      'req/s': r.reqPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'max ms': r.max,
      errors: r.errors,
      timeouts: r.timeouts,
      'non-2xx': r.non2xx,
      'vs raw': r.ratio,
      'healthz max ms': r.healthMax,
    })),
  )
  console.table(
    memory.map((m) => ({
      server: m.server,
      'RSS idle MB': m.idle,
      'RSS peak MB': m.peak,
      'RSS after 5 s MB': m.after5,
      'RSS after 20 s MB': m.after,
      'after/idle': `${((m.after / Math.max(1, m.idle)) * 100).toFixed(0)} %`,
    })),
  )
  const find = (server: string, c: number) =>
    rows.find((r) => r.server === server && r.scenario.startsWith('list depth=1') && r.c === c)
  const cached = find('redaksi cached', 10)
  const check = (label: string, ok: boolean | undefined, detail: string) =>
    console.log(`${ok ? 'PASS' : ok === false ? 'FAIL' : 'n/a '}  ${label}: ${detail}`)
  console.log('\nTargets (issue #10)')
  check(
    'cached list depth 1 ≥ 1.5× raw, p99 < 20 ms at c=10',
    cached ? parseFloat(cached.ratio) >= 1.5 && cached.p99 < 20 && cached.non2xx === 0 : undefined,
    cached ? `${cached.ratio} raw, p99 ${cached.p99} ms, non-2xx ${cached.non2xx}` : 'not run',
  )
  // "uncached": not in the response cache (documents may come from the document cache);
  // "cold": no cache at all, printed against the same targets so the gap is on record
  for (const server of ['redaksi uncached', 'redaksi cold']) {
    const at10 = find(server, 10)
    const at50 = find(server, 50)
    check(
      `${server}: list depth 1 ≥ 0.5× raw, p99 < 100 ms at c=10`,
      at10 ? parseFloat(at10.ratio) >= 0.5 && at10.p99 < 100 && at10.non2xx === 0 : undefined,
      at10 ? `${at10.ratio} raw, p99 ${at10.p99} ms, non-2xx ${at10.non2xx}` : 'not run',
    )
    check(
      `${server}: c=50 list depth 1, 0 errors, 0 timeouts, p99 < 500 ms`,
      at50 ? at50.errors === 0 && at50.timeouts === 0 && at50.p99 < 500 : undefined,
      at50
        ? `errors ${at50.errors}, timeouts ${at50.timeouts}, non-2xx ${at50.non2xx}, p99 ${at50.p99} ms (${duration50} s)`
        : 'not run',
    )
  }
  for (const m of memory.filter((m) => m.server !== 'raw baseline')) {
    check(
      `${m.server}: RSS peak < 500 MB and after within 20 % of idle`,
      m.peak < 500 && m.after <= m.idle * 1.2,
      `idle ${m.idle} MB, peak ${m.peak} MB, after ${m.after} MB`,
    )
  }
}

main()
  .catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
  .finally(() => {
    if (values.keep) console.log(`kept the database: DATABASE_URI=${databaseUri}`)
    else rmSync(work, { recursive: true, force: true })
  })
