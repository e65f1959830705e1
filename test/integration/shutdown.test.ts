import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

/**
 * `npm start` as an operator runs it (Ctrl-C in a terminal, `systemctl stop`, `kill <npm pid>`):
 * a request in flight when the signal arrives still completes with 200, the shutdown is logged,
 * and no process of the tree is left behind. SQLite only: the signal path does not depend on the
 * database.
 */

const root = process.cwd()
const dirs: string[] = []
let running: ChildProcess | null = null

afterEach(() => {
  // never leave a server behind, even when an assertion failed
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  running = null
})

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid and every descendant of it (through /proc, via ps). */
const processTree = (pid: number): number[] => {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of table) if (parent === tree[i]) tree.push(child)
  }
  return tree
}

const waitFor = async (check: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** `npm start` in its own process group (like a terminal's foreground job), on a fresh database. */
const npmStart = async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-shutdown-'))
  dirs.push(dir)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URI: `file:${path.join(dir, 'redaksi.db')}`,
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'false',
    JOBS_AUTORUN: 'false',
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  }
  Reflect.deleteProperty(env, 'NODE_ENV')
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running = child
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitFor(
    () => /listening on http:\/\/127\.0\.0\.1:\d+/.test(log) || child.exitCode !== null,
    120_000,
    'npm start to listen',
  )
  const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1])
  expect(port, log).toBeGreaterThan(0)
  return { child, port, log: () => log, exited }
}

/**
 * A naturally slow request: a GraphQL POST whose body the client sends in two parts, `holdMs`
 * apart. The server has the request in hand (headers and half the body) when the signal arrives.
 */
const slowGraphql = (port: number) => {
  const body = JSON.stringify({ query: '{ __typename }' })
  const req = http.request({
    host: '127.0.0.1',
    port,
    path: '/api/graphql',
    method: 'POST',
    agent: new http.Agent({ keepAlive: true }),
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  })
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
  })
  req.write(body.slice(0, 5))
  return { finish: () => req.end(body.slice(5)), response }
}

const variants: { signal: NodeJS.Signals; target: 'group' | 'npm' }[] = [
  { signal: 'SIGTERM', target: 'group' },
  { signal: 'SIGINT', target: 'group' },
  { signal: 'SIGTERM', target: 'npm' },
  { signal: 'SIGINT', target: 'npm' },
]

describe('npm start shuts down gracefully', () => {
  it.each(variants)(
    '$signal to the $target: the in-flight request completes, the shutdown is logged, no orphan',
    async ({ signal, target }) => {
      const server = await npmStart()
      const npmPid = server.child.pid as number
      // warm the route up so the slow request below is in the server's hands at once
      const warm = await fetch(`http://127.0.0.1:${server.port}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      })
      expect(warm.status).toBe(200)
      const tree = processTree(npmPid)
      expect(tree.length).toBeGreaterThan(1)

      const slow = slowGraphql(server.port)
      await new Promise((r) => setTimeout(r, 1_000))
      process.kill(target === 'group' ? -npmPid : npmPid, signal)
      await new Promise((r) => setTimeout(r, 2_000))
      slow.finish()
      const res = await slow.response
      expect(res.status, server.log()).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ data: { __typename: 'Query' } })

      // every process of the tree ends by itself, well within the 10 s grace period
      await waitFor(() => tree.every((pid) => !alive(pid)), 8_000, 'the process tree to exit')
      await server.exited
      expect(server.child.exitCode, server.log()).toBe(0)
      expect(server.log()).toContain(`${signal} received: finishing in-flight requests`)
      expect(server.log()).toMatch(/INFO.*stopped/)
    },
  )
})
