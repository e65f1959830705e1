import type { RequestHandler } from 'express'

type Gc = () => void

/**
 * After a burst of traffic, give the memory back once the server is quiet. V8 keeps a spike's
 * garbage (hundreds of MB after a c=50 soak) until its memory reducer runs, which can take more
 * than a minute of idleness; a full collection when nothing is in flight costs ~100 ms that no
 * request waits for. Active only when Node runs with --expose-gc (npm start does).
 */
export const idleGc = (
  options: { quietMs?: number; minRequests?: number } = {},
): RequestHandler => {
  const gc = (globalThis as { gc?: Gc }).gc
  const quietMs = options.quietMs ?? 3_000
  const minRequests = options.minRequests ?? 200
  let inFlight = 0
  let sinceLastGc = 0
  let timer: NodeJS.Timeout | null = null
  return (_req, res, next) => {
    if (!gc) {
      next()
      return
    }
    inFlight += 1
    sinceLastGc += 1
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    res.once('close', () => {
      inFlight -= 1
      if (inFlight > 0 || sinceLastGc < minRequests) return
      timer = setTimeout(() => {
        timer = null
        if (inFlight > 0) return
        sinceLastGc = 0
        gc()
      }, quietMs)
      timer.unref()
    })
    next()
  }
}
