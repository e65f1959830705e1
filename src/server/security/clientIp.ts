import type { RequestHandler } from 'express'

/** Header through which Express tells Payload hooks the client's address (never the client's own). */
export const CLIENT_IP_HEADER = 'x-redaksi-client-ip'

/**
 * Overwrites CLIENT_IP_HEADER with the socket address (or, with TRUST_PROXY, Express's req.ip
 * from X-Forwarded-For), so the login throttle keys on an address a client cannot choose.
 */
export const clientIpHeader: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
  next()
}
