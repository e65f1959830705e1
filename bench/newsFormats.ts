/**
 * npm run bench:formats [-- --articles 500 --connections 10 --duration 10]
 * Starts the production server on a fresh temporary SQLite database, imports and publishes
 * synthetic articles, then prints the latency of the news formats: each route alone (20
 * sequential requests: p50/max, response size) and under load with autocannon (req/s, p50/p99,
 * non-2xx). Figures only, no targets asserted.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { buildAdmin, buildIsCurrent } from '@/server/buildStamp'
import { serverArgv, entryArgv } from '@/config/node'
import { generateDocument } from '../test/fixtures/synthetic'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '500' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
  },
})
const articles = Number(values.articles)
const root = process.cwd()
const work = mkdtempSync(path.join(os.tmpdir(), 'redaksi-formats-'))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const main = async () => {
  console.log(
    `Redaksi news formats benchmark: ${articles} published articles (${os.cpus().length} cores, Node ${process.version})`,
  )
  if (!buildIsCurrent(root) && buildAdmin(root) !== 0) throw new Error('next build failed')
  const docs = path.join(work, 'docs')
  mkdirSync(docs)
  for (let i = 0; i < articles; i++) {
    const doc = generateDocument(i)
    writeFileSync(path.join(docs, doc.fileName), doc.text)
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URI: `file:${path.join(work, 'redaksi.db')}`,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    NODE_ENV: 'production',
    REDAKSI_LOCAL_START: '1',
  }
  const seeded = spawnSync(process.execPath, entryArgv('production', 'src/cli/seed.ts', docs), {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr.toString().slice(-2000)}`)
  const child = spawn(process.execPath, serverArgv('production', 'src/server/serve.ts'), {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false', JOBS_AUTORUN: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (c: Buffer) => (log += c.toString()))
  child.stderr.on('data', (c: Buffer) => (log += c.toString()))
  let url = ''
  const started = Date.now()
  while (!url) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
    if (match) url = match[1]
    else if (child.exitCode !== null || Date.now() - started > 120_000) {
      throw new Error(`server did not start:\n${log}`)
    } else await sleep(100)
  }
  try {
    const json = { 'Content-Type': 'application/json' }
    const account = { email: 'bench@redaksi.test', password: 'formats bench passphrase' }
    await fetch(`${url}/api/editors/first-register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...account, name: 'Bench' }),
    })
    const { token } = (await (
      await fetch(`${url}/api/editors/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(account),
      })
    ).json()) as { token: string }
    const auth = { ...json, Authorization: `JWT ${token}` }
    const list = (await (
      await fetch(`${url}/api/articles?limit=100000&depth=0&select[id]=true`, { headers: auth })
    ).json()) as { docs: { id: number }[] }
    const ids = list.docs.map((d) => d.id)
    const first = ids[0]
    const worker = async () => {
      while (ids.length > 0) {
        const res = await fetch(`${url}/api/articles/${ids.pop()}/workflow`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ action: 'publish' }),
        })
        await res.arrayBuffer()
      }
    }
    await Promise.all([worker(), worker()])

    const routes = [
      '/feeds/rss.xml',
      '/feeds/atom.xml',
      '/feeds/rss.xml?tag=nothing-tagged',
      '/sitemap.xml',
      '/sitemap-news.xml',
      `/api/articles/${first}/ninjs`,
    ]
    console.log('\nalone (20 sequential requests after one warm-up):')
    for (const route of routes) {
      await (await fetch(`${url}${route}`)).arrayBuffer()
      const times: number[] = []
      let bytes = 0
      let status = 0
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now()
        const res = await fetch(`${url}${route}`)
        bytes = (await res.arrayBuffer()).byteLength
        status = res.status
        times.push(performance.now() - t0)
      }
      times.sort((a, b) => a - b)
      console.log(
        `  ${route.padEnd(36)} ${status}  p50 ${times[10].toFixed(0)} ms  max ${times[19].toFixed(0)} ms  ${(bytes / 1024).toFixed(0)} KiB`,
      )
    }
    console.log(`\nunder load (c=${values.connections}, ${values.duration} s each):`)
    for (const route of ['/feeds/rss.xml', '/sitemap.xml', `/api/articles/${first}/ninjs`]) {
      const result = await autocannon({
        url: `${url}${route}`,
        connections: Number(values.connections),
        duration: Number(values.duration),
        timeout: 10,
      })
      console.log(
        `  ${route.padEnd(36)} ${Math.round(result.requests.average)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  timeouts ${result.timeouts}`,
      )
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  rmSync(work, { recursive: true, force: true })
  process.exit(1)
})
