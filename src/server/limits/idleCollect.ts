import type { RequestHandler } from 'express'

export interface IdleCollectOptions {
  /** Collect once no request has arrived for this long (ms). */
  idleMs: number
  /** ...and at least this many requests were served since the last collection. */
  minRequests: number
  /** The collector (default: `globalThis.gc`, present when node runs with --expose-gc). */
  gc?: () => void
  /** Told after each collection (for the log). */
  onCollect?: (report: { requests: number; heapBeforeMb: number; heapAfterMb: number }) => void
}

/**
 * Gives memory back after a burst of traffic. V8 keeps the heap a burst made it grow until its
 * own heuristics shrink it, which can take minutes on a server that has gone quiet: after a c=50
 * run the server stayed at ~125 % of its idle RSS. Once the server has been idle for `idleMs`
 * after serving at least `minRequests`, one full collection runs (a pause of tens of
 * milliseconds, at a moment no request is waiting) and the heap shrinks back. Without --expose-gc
 * (a process not started through `npm start`, the test helpers or the benchmarks) it does nothing.
 */
export const idleCollect = (
  options: IdleCollectOptions,
): RequestHandler & { stop: () => void; collections: () => number } => {
  const gc = options.gc ?? (globalThis as { gc?: () => void }).gc
  let served = 0
  let lastRequestAt = 0
  let collections = 0
  const timer = setInterval(
    () => {
      if (!gc || served < options.minRequests) return
      if (Date.now() - lastRequestAt < options.idleMs) return
      const requests = served
      served = 0
      collections++
      const before = process.memoryUsage().heapUsed
      gc()
      options.onCollect?.({
        requests,
        heapBeforeMb: Math.round(before / 1048576),
        heapAfterMb: Math.round(process.memoryUsage().heapUsed / 1048576),
      })
    },
    Math.max(100, Math.floor(options.idleMs / 2)),
  )
  timer.unref()
  const middleware: RequestHandler = (_req, _res, next) => {
    served++
    lastRequestAt = Date.now()
    next()
  }
  return Object.assign(middleware, {
    stop: () => clearInterval(timer),
    collections: () => collections,
  })
}
