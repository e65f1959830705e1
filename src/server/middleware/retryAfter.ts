import type { RequestHandler } from 'express'

/** Every 503 tells the client when to come back. */
export const retryAfterOn503: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (args[0] === 503 && !this.getHeader('retry-after')) this.setHeader('Retry-After', '2')
    return writeHead.apply(this, args)
  } as typeof writeHead
  next()
}
