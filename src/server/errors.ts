import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Payload } from 'payload'

/** Express-level errors (Next/Payload answer their own routes) become JSON, never an HTML page. */
export const jsonErrorHandler =
  (getPayload: () => Payload | null): ErrorRequestHandler =>
  (err, req, res, next) => {
    if (res.headersSent) {
      next(err)
      return
    }
    const status =
      typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500
    const message =
      status >= 500
        ? 'Internal server error'
        : String(err?.message ?? 'Request could not be handled')
    const logger = getPayload()?.logger
    if (status >= 500) {
      if (logger) logger.error({ err, url: req.originalUrl }, 'request failed')
      else process.stderr.write(`request ${req.originalUrl} failed: ${String(err?.stack ?? err)}\n`)
    }
    res.status(status).json({ errors: [{ message }] })
  }

export const notReady: RequestHandler = (_req, res) => {
  res.setHeader('Retry-After', '2')
  res.status(503).json({ errors: [{ message: 'Redaksi is starting up; try again in a moment.' }] })
}
