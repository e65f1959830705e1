/**
 * npm run bench:load [-- --connections 50 --duration 20 --articles 500]
 * Starts the production server on a fresh temporary SQLite database, imports and publishes
 * ~500 synthetic articles, then loads it with autocannon (anonymous REST list, then a GraphQL
 * list query) while probing /healthz, and prints req/s, latency p50/p99, timeouts (> 10 s),
 * non-2xx and 503 counts, the slowest /healthz and the server's RSS before/peak/after.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { buildAdmin, buildIsCurrent } from '@/server/buildStamp'
import { generateDocument } from '../test/fixtures/synthetic'
import { serverArgv, entryArgv } from '@/config/node'

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    articles: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
})
const connections = Number(values.connections)
const duration = Number(values.duration)
const articles = Number(values.articles)

const root = process.cwd()
const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-load-'))
const databaseUri = `file:${path.join(work, 'redaksi.db')}`
const PASSWORD = 'load bench passphrase'

const rssMb = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const main = async () => {
  console.log(
    `Redaksi load benchmark: c=${connections} for ${duration} s, ${articles} published articles (${os.cpus().length} cores, Node ${process.version})`,
  )
  if (!buildIsCurrent(root)) {
    console.log('building the admin (next build)...')
    if (buildAdmin(root) !== 0) throw new Error('next build failed')
  }

  // 1. synthetic documents → the real importer (as `npm run seed` runs it)
  const docs = path.join(work, 'docs')
  mkdirSync(docs)
  for (let i = 0; i < articles; i++) {
    const doc = generateDocument(i)
    writeFileSync(path.join(docs, doc.fileName), doc.text)
  }
  const secret = randomBytes(24).toString('hex')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: secret,
    NODE_ENV: 'production' as const,
    REDAKSI_LOCAL_START: '1',
  }
  const seeded = spawnSync(process.execPath, entryArgv('production', 'src/cli/seed.ts', docs), {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr.toString().slice(-2000)}`)

  // 2. the production server
  const child = spawn(process.execPath, serverArgv('production', 'src/server/serve.ts'), {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (c: Buffer) => (log += c.toString()))
  child.stderr.on('data', (c: Buffer) => (log += c.toString()))
  const started = Date.now()
  let url = ''
  while (!url) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
    if (match) url = match[1]
    else if (child.exitCode !== null || Date.now() - started > 120_000) {
      throw new Error(`server did not start:\n${log}`)
    } else await sleep(100)
  }
  const pid = child.pid!

  try {
    // 3. publish every imported article through the workflow (admin: no four-eyes)
    const json = { 'Content-Type': 'application/json' }
    await fetch(`${url}/api/editors/first-register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'load@redaksi.test', password: PASSWORD, name: 'Load' }),
    })
    const login = (await (
      await fetch(`${url}/api/editors/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'load@redaksi.test', password: PASSWORD }),
      })
    ).json()) as { token: string }
    const auth = { ...json, Authorization: `JWT ${login.token}` }
    const list = (await (
      await fetch(`${url}/api/articles?limit=100000&depth=0&select[id]=true`, { headers: auth })
    ).json()) as { docs: { id: number }[] }
    const ids = list.docs.map((d) => d.id)
    const publishStarted = Date.now()
    let publishedCount = 0
    const worker = async () => {
      while (ids.length > 0) {
        const id = ids.pop()!
        const res = await fetch(`${url}/api/articles/${id}/workflow`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ action: 'publish' }),
        })
        if (res.ok) publishedCount++
        await res.arrayBuffer()
      }
    }
    await Promise.all([worker(), worker()])
    console.log(
      `setup: ${publishedCount} articles published in ${((Date.now() - publishStarted) / 1000).toFixed(1)} s`,
    )
    await sleep(2000)

    const scenarios: { name: string; options: autocannon.Options }[] = [
      {
        name: 'REST  GET /api/articles?limit=20',
        options: { url: `${url}/api/articles?limit=20` },
      },
      {
        name: 'GraphQL Articles(limit: 20) { docs { id title body } }',
        options: {
          url: `${url}/api/graphql`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            query: '{ Articles(limit: 20) { docs { id title summary body } totalDocs } }',
          }),
        },
      },
    ]

    for (const scenario of scenarios) {
      // one request first, alone: what the first visitor after a start pays (route code loading)
      const coldStart = performance.now()
      const cold = await fetch(String(scenario.options.url), {
        method: scenario.options.method ?? 'GET',
        headers: scenario.options.headers as Record<string, string> | undefined,
        body: scenario.options.body as string | undefined,
      })
      await cold.arrayBuffer()
      console.log(
        `${scenario.name}\n  first request alone: ${cold.status} in ${Math.round(performance.now() - coldStart)} ms`,
      )
      const rssBefore = rssMb(pid)
      let rssPeak = rssBefore
      let healthMax = 0
      let healthCount = 0
      let probing = true
      const probe = (async () => {
        while (probing) {
          const t0 = Date.now()
          const res = await fetch(`${url}/healthz`).catch(() => null)
          await res?.arrayBuffer()
          healthMax = Math.max(healthMax, Date.now() - t0)
          healthCount++
          rssPeak = Math.max(rssPeak, rssMb(pid))
          await sleep(200)
        }
      })()
      const result = await autocannon({
        ...scenario.options,
        connections,
        duration,
        timeout: 10,
      })
      probing = false
      await probe
      await sleep(3000)
      const rssAfter = rssMb(pid)
      const codes = result.statusCodeStats as unknown as Record<string, { count: number }>
      const count = (code: string) => codes[code]?.count ?? 0
      console.log(`\n${scenario.name}`)
      console.log(
        `  requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s)   latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      )
      console.log(
        `  timeouts (> 10 s): ${result.timeouts}   errors: ${result.errors}   2xx: ${result['2xx']}   non-2xx: ${result.non2xx} (503: ${count('503')}, 5xx other: ${result['5xx'] - count('503')})`,
      )
      console.log(`  /healthz during the run: ${healthCount} probes, slowest ${healthMax} ms`)
      console.log(`  server RSS: before ${rssBefore} MB, peak ${rssPeak} MB, after ${rssAfter} MB`)
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    if (values.keep) console.log(`kept the database: DATABASE_URI=${databaseUri}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  rmSync(work, { recursive: true, force: true })
  process.exit(1)
})
