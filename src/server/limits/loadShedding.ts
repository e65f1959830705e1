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
  /** Refuse when the current event-loop turn has been busy this long (0 or absent: off). */
  maxEventLoopBusyMs?: number
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

const TICK_MS = 20

/**
 * Requests started per turn of the event loop (see loadShedding), one after another. One per turn
 * cost the document-cache list ~12 % of its throughput at c=10; four started together in one
 * callback interleaved their work and cut the cold list from ~52 to 33 req/s; four started one
 * after another keep each request's work in one piece.
 */
const STARTS_PER_TURN = 4

/**
 * How long the current turn of the event loop has been running: a request that completes without
 * real asynchronous work (an SQLite read is synchronous) never overlaps another one, so the
 * concurrency count below never sees an overload: the backlog waits in the sockets instead, and
 * every request Node parses in one turn runs before the next turn. A timer notes when each turn
 * starts (its timers phase); a request that arrives when the turn has already been busy for longer
 * than the limit is refused at once instead of adding to the wait of everyone behind it.
 */
const createBusyMeter = (): (() => number) => {
  let tickAt = performance.now()
  const timer = setInterval(() => {
    tickAt = performance.now()
  }, TICK_MS)
  timer.unref()
  return () => Math.max(0, performance.now() - tickAt - TICK_MS)
}

/**
 * A bounded concurrency limiter and fair scheduler: at most `maxConcurrent` requests run, up to
 * `maxQueued` more wait, first come first served, for at most `maxQueueWaitMs`; anything beyond
 * gets 503 with Retry-After straight away, so an overloaded server answers quickly instead of
 * letting every request wait seconds. A slot is released when the response finishes or the
 * client goes away.
 *
 * Requests start a few (STARTS_PER_TURN) per turn of the event loop (from a setImmediate), in arrival order. A
 * request whose work is synchronous (an SQLite read never waits for I/O) used to run to the end
 * in the turn its socket was read, so one turn ran every request that had arrived, one after
 * another; the rest of a large response that did not fit the socket buffer was written only in
 * the next turn, so under load some connections waited seconds (c=50: answers per connection
 * ranged 1-48 in 15 s, 18 timeouts). Starting a few requests per turn lets each turn flush the
 * writes and read the new requests between them: every connection is served in turn and
 * the queue, not the sockets, holds the backlog (so its limits and 503 apply). With real I/O
 * (Postgres) requests still overlap up to `maxConcurrent`.
 */
export const loadShedding = (
  options: LoadSheddingOptions,
): RequestHandler & { stats: () => LoadStats } => {
  const { maxConcurrent, maxQueued, maxQueueWaitMs } = options
  const maxBusy = options.maxEventLoopBusyMs ?? 0
  const busyMs = maxBusy > 0 ? createBusyMeter() : () => 0
  const retryAfter = String(options.retryAfterSeconds ?? 1)
  const waiting: Array<{ start: () => void; cancel: () => void }> = []
  let active = 0
  let shed = 0
  let pumpScheduled = false

  /**
   * Starts the oldest waiting requests, each from its own setImmediate queued together, so they
   * run in the same turn but one after another (Node runs the microtasks of one immediate before
   * the next: a synchronous request finishes before the next starts); then comes back next turn.
   */
  const startOne = (last: boolean) => {
    if (active < maxConcurrent && waiting.length > 0) waiting.shift()!.start()
    if (!last) return
    pumpScheduled = false
    if (active < maxConcurrent && waiting.length > 0) schedule()
  }
  const schedule = () => {
    if (pumpScheduled) return
    pumpScheduled = true
    for (let i = 1; i <= STARTS_PER_TURN; i++) setImmediate(startOne, i === STARTS_PER_TURN)
  }

  const release = () => {
    active--
    if (waiting.length > 0) schedule()
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
    if (maxBusy > 0 && busyMs() > maxBusy) {
      refuse(res, `overloaded: the server has been busy for ${Math.round(busyMs())} ms`)
      return
    }
    // free slots count as queue room: a request about to start waits only for its turn
    if (waiting.length >= maxQueued + Math.max(0, maxConcurrent - active)) {
      refuse(res, 'queue full')
      return
    }
    const entry = {
      start: () => {
        clearTimeout(timer)
        res.off('close', onClientGone)
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
    if (active < maxConcurrent) schedule()
  }

  return Object.assign(handler, {
    stats: (): LoadStats => ({ active, queued: waiting.length, shed }),
  })
}
