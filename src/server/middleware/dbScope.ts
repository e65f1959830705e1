import type { RequestHandler } from 'express'

import { runInDbScope } from '../../db/sqlite/scope'

/** Each request is one unit of work for the SQLite writer (see src/db/sqlite/scope.ts). */
export const dbScope: RequestHandler = (req, _res, next) => {
  runInDbScope(`${req.method} ${req.path}`, () => next())
}

/** Every 503 tells the client when to come back. */
export const retryAfterOn503: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (args[0] === 503 && !this.getHeader('retry-after')) this.setHeader('Retry-After', '2')
    return writeHead.apply(this, args)
  } as typeof writeHead
  next()
}
