import crypto from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

/** Webhook tests' local receiver and the README's signature check (shared by the suites). */

/** The signature check from the README's "Webhooks" section, taken from the README itself. */
export const readmeVerify = (() => {
  const readme = readFileSync(path.join(process.cwd(), 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Webhooks'))
  const source = /function verifySignature[\s\S]*?\n}\n/.exec(section)?.[0]
  if (!source) throw new Error('README: no verifySignature in the Webhooks section')
  return new Function('crypto', 'Buffer', `${source}; return verifySignature`)(crypto, Buffer) as (
    secret: string,
    timestamp: unknown,
    signature: unknown,
    rawBody: string,
  ) => boolean
})()

export interface Received {
  path: string
  headers: http.IncomingHttpHeaders
  body: string
  at: number
}

/** A plain http receiver: per path, a script of answers (the last one repeats). */
export const startReceiver = async () => {
  const received: Received[] = []
  const scripts = new Map<string, (number | 'hang' | '429' | 'huge' | 'redirect')[]>()
  const counts = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const p = req.url ?? '/'
      received.push({
        path: p,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      const script = scripts.get(p) ?? [200]
      const n = counts.get(p) ?? 0
      counts.set(p, n + 1)
      const answer = script[Math.min(n, script.length - 1)]
      if (answer === 'hang') return
      if (answer === 'huge') {
        // an endless 200 body: the sender reads at most 64 KiB of it
        res.writeHead(200, { 'Content-Type': 'text/plain' })
        const chunk = Buffer.alloc(64 * 1024, 'x')
        const pump = () => {
          while (res.write(chunk)) if (res.destroyed) return
          if (!res.destroyed) res.once('drain', pump)
        }
        res.on('error', () => undefined)
        pump()
        return
      }
      if (answer === 'redirect') {
        res.writeHead(307, { Location: 'http://169.254.169.254/latest/meta-data/' }).end()
        return
      }
      if (answer === '429') {
        res.writeHead(429, { 'Retry-After': '2' }).end('slow down')
        return
      }
      res.writeHead(answer).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    received,
    on: (p: string, script: (number | 'hang' | '429' | 'huge' | 'redirect')[]) =>
      scripts.set(p, script),
    at: (p: string) => received.filter((r) => r.path === p),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
