import { createHmac, randomBytes, randomUUID } from 'node:crypto'

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the webhook's secret. */
export const signPayload = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** A new webhook secret: 32 random bytes, hex, with a recognisable prefix. */
export const generateSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`

/** A delivery id (X-Redaksi-Delivery): the same for every try of one delivery. */
export const newDeliveryId = (): string => randomUUID()
