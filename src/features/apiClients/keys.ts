import { createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * API keys: `rdk_` and 43 base64url characters (32 random bytes), made by the server only. The
 * database keeps Payload's HMAC index of the key (and Payload's encrypted copy, never read back);
 * admins see a short hint afterwards, never the key.
 */
export const KEY_PREFIX = 'rdk_'
const KEY_PATTERN = /^rdk_[A-Za-z0-9_-]{43}$/
/** The Authorization scheme Payload uses for API keys of the api-clients collection. */
export const AUTH_SCHEME = 'api-clients API-Key '

export const generateApiKey = (): string => `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`

/** What an admin sees after the key was shown once: the prefix and the first four characters. */
export const keyHint = (key: string): string => `${key.slice(0, KEY_PREFIX.length + 4)}…`

export type PresentedKey = { kind: 'none' } | { kind: 'malformed' } | { kind: 'key'; key: string }

/**
 * What an Authorization header says about API clients: nothing (no header or another scheme),
 * a malformed attempt (starts with `api-clients` but is not `api-clients API-Key <key>` with a
 * well-formed key) or a key to look up.
 */
export const presentedKey = (header: string | null | undefined): PresentedKey => {
  if (!header) return { kind: 'none' }
  const value = header.trim()
  if (!/^api-clients(\s|$)/i.test(value)) return { kind: 'none' }
  if (!value.startsWith(AUTH_SCHEME)) return { kind: 'malformed' }
  const key = value.slice(AUTH_SCHEME.length)
  return KEY_PATTERN.test(key) ? { kind: 'key', key } : { kind: 'malformed' }
}

/** Payload's lookup index for a key (HMAC-SHA256 with the instance secret), as its own strategy computes it. */
export const keyIndex = (secret: string, key: string): string =>
  createHmac('sha256', secret).update(key).digest('hex')

/** A one-way name for a key in memory (rate-limit buckets): never the key itself. */
export const keyFingerprint = (key: string): string =>
  createHash('sha256').update(key).digest('base64url').slice(0, 32)
