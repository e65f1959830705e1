import type { RequestHandler, Response } from 'express'

export interface LoadSheddingOptions {
  /** Requests handled at once. */
  maxConcurrent: number
  /** Requests waiting for a slot; beyond this new requests are refused at once. */
  maxQueued: number
  /** Longest a request waits for a slot before it is refused. */
  maxQueueWaitMs: number
  /** Seconds a refused client is asked to wait (Retry-After). */
  retryAfterSeconds?: number
}

export interface LoadStats {
  active: number
  queued: number
  shed: number
}

/** Paths that never queue: health checks and Next's immutable build assets. */
export const bypassesLoadShedding = (path: string): boolean =>
  path === '/healthz' ||
  path === '/readyz' ||
  path.startsWith('/_next/static/') ||
  path === '/favicon.ico'

/**
 * A bounded concurrency limiter: at most `maxConcurrent` requests run, up to `maxQueued` more wait
 * (first come, first served) for at most `maxQueueWaitMs`; anything beyond gets 503 with
 * Retry-After straight away, so an overloaded server answers quickly instead of letting every
 * request wait seconds. A slot is released when the response finishes or the client goes away.
 */
export const loadShedding = (
  options: LoadSheddingOptions,
): RequestHandler & { stats: () => LoadStats } => {
  const { maxConcurrent, maxQueued, maxQueueWaitMs } = options
  const retryAfter = String(options.retryAfterSeconds ?? 1)
  const waiting: Array<{ start: () => void; cancel: () => void }> = []
  let active = 0
  let shed = 0

  const release = () => {
    active--
    while (waiting.length > 0 && active < maxConcurrent) {
      const entry = waiting.shift()!
      entry.start()
    }
  }

  const refuse = (res: Response, reason: string) => {
    shed++
    if (res.headersSent || res.writableEnded) return
    res.setHeader('Retry-After', retryAfter)
    res.status(503).json({
      errors: [{ message: `The server is busy (${reason}); retry in ${retryAfter} s.` }],
    })
  }

  const handler: RequestHandler = (req, res, next) => {
    if (bypassesLoadShedding(req.path)) {
      next()
      return
    }
    const run = () => {
      active++
      let released = false
      const done = () => {
        if (released) return
        released = true
        release()
      }
      res.once('finish', done)
      res.once('close', done)
      next()
    }
    if (active < maxConcurrent) {
      run()
      return
    }
    if (waiting.length >= maxQueued) {
      refuse(res, 'queue full')
      return
    }
    const entry = {
      start: () => {
        clearTimeout(timer)
        res.off('close', onClientGone)
        run()
      },
      cancel: () => {
        const index = waiting.indexOf(entry)
        if (index >= 0) waiting.splice(index, 1)
      },
    }
    const onClientGone = () => {
      clearTimeout(timer)
      entry.cancel()
    }
    const timer = setTimeout(() => {
      entry.cancel()
      res.off('close', onClientGone)
      refuse(res, `waited ${maxQueueWaitMs} ms for a free slot`)
    }, maxQueueWaitMs)
    res.once('close', onClientGone)
    waiting.push(entry)
  }

  return Object.assign(handler, {
    stats: (): LoadStats => ({ active, queued: waiting.length, shed }),
  })
}
