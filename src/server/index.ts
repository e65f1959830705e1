import http from 'node:http'

import express from 'express'
import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { env } from '@/config/env'
import { ConfigError, isConfigError } from '@/config/errors'
import { runtime } from '@/config/runtime'
import { jsonErrorHandler, notReady } from './errors'
import { preflightDatabase } from './preflight'
import { closePayload } from '@/db/close'
import { checkDatabase } from './readiness'
import { retryAfterOn503 } from './middleware/retryAfter'
import { siteRoutes } from './middleware/siteRoutes'
import { runInDbScope, scopeJobRuns } from '@/db/sqlite/scope'
import { ensureGenerationSchema } from '@/publicCache/schema'
import { bodyLimit, declaredSizeLimit, requestForNext } from './limits/body'
import { idleCollect } from './limits/idleCollect'
import { loadShedding } from './limits/loadShedding'
import { payloadApi } from './payloadApi'
import { createDocumentCache } from '@/publicCache/documentCache'
import type { DocumentCache } from '@/publicCache/documentCache'
import { createPublicCache } from '@/publicCache/responseCache'
import type { PublicCache } from '@/publicCache/responseCache'
import { runStartupTasks } from './startupTasks'
import { clientIpHeader } from './security/clientIp'
import { csrfGuard } from './security/csrf'
import { securityHeaders } from './security/headers'
import { listenOrigins } from '@/security/origins'
import { corsPolicy } from './api/cors'
import { apiRateLimits } from './api/rateLimits'

export interface ServerOptions {
  dev: boolean
  port: number
  host: string
  /** Project root holding next.config.mjs and .next/ (default: the working directory). */
  dir?: string
  /** Milliseconds to wait for in-flight requests on shutdown before cutting connections. */
  shutdownGraceMs?: number
}

export interface RunningServer {
  url: string
  port: number
  payload: Payload
  /** The anonymous response cache (statistics for benchmarks and tests). */
  publicCache: PublicCache
  /** The document cache under it (statistics for benchmarks and tests). */
  documentCache: DocumentCache
  close: () => Promise<void>
}

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

const listen = (server: http.Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (err.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            'PORT',
            `port ${port} on ${host} is already in use: stop the other process or set PORT`,
          ),
        )
      } else if (err.code === 'EACCES') {
        reject(
          new ConfigError(
            'PORT',
            `no permission to listen on port ${port}: use a port above 1023 or set PORT`,
          ),
        )
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(new ConfigError('HOST', `cannot listen on host "${host}" (${err.code}): fix HOST`))
      } else {
        reject(err)
      }
    }
    const onListening = () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })

/**
 * Starts Redaksi: binds the port first (so /healthz answers and a busy port fails fast), checks
 * the database, initialises Payload once for the process (shared with Next's admin through
 * Payload's instance cache, with the jobs queue running here), serves the REST and GraphQL API
 * (/api/*) straight through Payload's handlers (src/server/payloadApi.ts) with anonymous reads
 * cached (src/publicCache), and hands every other request to Next.js (the admin panel).
 */
export const startServer = async (options: ServerOptions): Promise<RunningServer> => {
  const dir = options.dir ?? process.cwd()
  const target = env.database()
  // a bad or missing secret fails here; a generated local one is written before the config loads
  env.secret()
  const limits = env.limits()
  // a partial S3 configuration or a bad MEDIA_* value fails here, before the port serves anything
  env.media()
  const cacheSettings = env.publicCache()

  const state: {
    payload: Payload | null
    handle: NextHandler | null
    api: ReturnType<typeof payloadApi> | null
    closing: boolean
  } = {
    payload: null,
    handle: null,
    api: null,
    closing: false,
  }
  const publicCache = createPublicCache(cacheSettings, () => (state.handle ? state.payload : null))
  const documentCache = createDocumentCache(cacheSettings, () =>
    state.handle ? state.payload : null,
  )

  const app = express()
  app.disable('x-powered-by')
  // ETags come from the public response cache only (strong, per content generation); Express's
  // own weak ones would make credentialed and error responses look revalidatable
  app.set('etag', false)
  app.set('trust proxy', env.trustProxy())
  // Security (src/server/security): headers everywhere, client address for the login throttle,
  // Origin check for cookie-authenticated writes.
  app.use(securityHeaders)
  app.use(clientIpHeader)
  app.use(csrfGuard())
  // Edge of the API (src/server/api): CORS allowlist (CORS_ORIGINS), then the rate limits with the
  // API-key gate (401 for a bad key, 403 for an API client's write).
  app.use(corsPolicy())
  app.use(apiRateLimits(() => state.payload))

  app.use(retryAfterOn503)
  // Requests that arrived before a shutdown began are finished (their bodies may still be
  // arriving); only requests that arrive during the drain are turned away.
  const acceptedBeforeShutdown = new WeakSet<Request>()
  app.use((req, _res, next) => {
    if (!state.closing) acceptedBeforeShutdown.add(req)
    next()
  })

  app.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok', uptime: Math.round(process.uptime()) })
  })

  app.get('/readyz', async (_req: Request, res: Response) => {
    if (state.closing) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    if (!state.payload || !state.handle) {
      res.status(503).json({ status: 'starting' })
      return
    }
    try {
      await checkDatabase(state.payload)
      res.json({ status: 'ready', database: target.kind })
    } catch (err) {
      res
        .status(503)
        .json({ status: 'unavailable', database: target.kind, error: (err as Error).message })
    }
  })

  // after a burst, one full garbage collection once the server is quiet (src/server/limits/);
  // health checks above do not count as traffic (a load balancer polls them all the time)
  const collector = idleCollect({
    idleMs: 3000,
    minRequests: 500,
    onCollect: ({ requests, heapBeforeMb, heapAfterMb }) =>
      state.payload?.logger.info(
        `quiet after ${requests} requests: garbage collected, heap ${heapBeforeMb} -> ${heapAfterMb} MB`,
      ),
  })
  app.use(collector)

  // Site routes (feeds, sitemaps) are rewritten to their /api/feeds/… endpoints HERE, before the
  // response cache, so they are cached like any other public read:
  app.use(siteRoutes(() => state.payload?.config.custom?.siteRoutes as string[] | undefined))

  // Resource limits (src/server/limits): oversized bodies get 413 at once; anonymous public reads
  // already in the response cache are answered next (never queued); then at most
  // MAX_CONCURRENT_REQUESTS run (a short queue, then 503), then bodies are read capped and checked.
  app.use(declaredSizeLimit(limits))
  app.use((req, res, next) => {
    if (state.closing && !acceptedBeforeShutdown.has(req)) next()
    else publicCache.serve(req, res, next)
  })
  app.use(loadShedding(limits))
  app.use(bodyLimit(limits))

  // REST and GraphQL: Payload's own handlers, straight from Express (src/server/payloadApi.ts).
  app.all(['/api', '/api/{*path}'], (req, res, next) => {
    if (!state.api || (state.closing && !acceptedBeforeShutdown.has(req))) {
      notReady(req, res, next)
      return
    }
    runInDbScope(`${req.method} ${req.path}`, () => state.api!(req, res, next)).catch(next)
  })

  app.all('/{*path}', (req, res, next) => {
    if (!state.handle || (state.closing && !acceptedBeforeShutdown.has(req))) {
      notReady(req, res, next)
      return
    }
    // each request is its own unit of work for the SQLite writer (src/db/sqlite/scope.ts); the
    // scope starts here, after any queueing, so it never inherits another request's context
    runInDbScope(`${req.method} ${req.path}`, () =>
      state.handle!(requestForNext(req, res), res),
    ).catch(next)
  })
  app.use(jsonErrorHandler(() => state.payload))

  const server = http.createServer(app)
  server.keepAliveTimeout = 65_000
  const port = await listen(server, options.port, options.host)
  // Payload's csrf list (payload.config.ts) includes the address we actually listen on.
  runtime.setListenOrigins(listenOrigins(options.host, port))

  let nextApp: { close?: () => Promise<void> } | null = null
  const shutdown = async () => {
    if (state.closing) return
    state.closing = true
    collector.stop()
    const grace = options.shutdownGraceMs ?? 10_000
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // A keep-alive connection turns idle once its in-flight response is sent: close those as they
    // appear (server.close() only closes the ones idle at the moment it is called).
    server.closeIdleConnections()
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    const timer = setTimeout(() => server.closeAllConnections(), grace)
    await closed
    clearInterval(sweep)
    clearTimeout(timer)
    await nextApp?.close?.().catch(() => undefined)
    if (state.payload) {
      state.payload.logger.info('closing the database')
      await closePayload(state.payload)
    }
  }

  try {
    await preflightDatabase(target)
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    const payload = await getPayload({ config, cron: true })
    state.payload = payload
    await ensureGenerationSchema(payload, options.dev)
    scopeJobRuns(payload.jobs as unknown as Parameters<typeof scopeJobRuns>[0])

    await runInDbScope('startup', () => runStartupTasks(payload))

    const { default: next } = await import('next')
    const instance = next({ dev: options.dev, dir, hostname: options.host, port })
    await instance.prepare()
    nextApp = instance as unknown as { close?: () => Promise<void> }
    state.handle = instance.getRequestHandler() as NextHandler

    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`
    const api = payloadApi(config, publicCache, documentCache)
    await api.warm(url).catch((err: unknown) => {
      payload.logger.warn(`warming the API handlers failed: ${String((err as Error)?.message)}`)
    })
    state.api = api
    payload.logger.info(
      `Redaksi listening on ${url} (${options.dev ? 'development' : 'production'}, database: ${target.kind}); admin at ${url}/admin`,
    )
    return { url, port, payload, publicCache, documentCache, close: shutdown }
  } catch (err) {
    await shutdown().catch(() => undefined)
    throw err
  }
}

/** Runs the server until SIGTERM/SIGINT: src/server/serve.ts (`npm run dev`, the tests) and start.ts (`npm start`). */
export const main = async (): Promise<void> => {
  let running: RunningServer | null = null
  let stopping = false
  const stop = (signal: string) => {
    // `npm start` and a process-group signal (Ctrl-C, systemd) deliver the same signal twice:
    // repeats must not cut the drain short, so the handlers stay installed and ignore them.
    if (stopping) return
    stopping = true
    running?.payload.logger.info(`${signal} received: finishing in-flight requests, then stopping`)
    const done = running ? running.close() : Promise.resolve()
    done.then(
      () => {
        const logger = running?.payload.logger
        logger?.info('stopped')
        // let the log line out before exiting (bounded: a stuck destination cannot hold the exit)
        setTimeout(() => process.exit(0), 500).unref()
        if (logger) logger.flush(() => process.exit(0))
        else process.exit(0)
      },
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  try {
    running = await startServer({
      dev: !env.isProduction(),
      port: env.port(),
      host: env.host(),
    })
  } catch (err) {
    if (isConfigError(err)) {
      process.stderr.write(`redaksi: ${err.message}\n`)
    } else {
      process.stderr.write(`redaksi: failed to start: ${(err as Error)?.stack ?? String(err)}\n`)
    }
    process.exit(1)
  }
}
