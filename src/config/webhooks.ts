import type { RawEnv } from '@/config/env'
import { ConfigError } from './errors'
import { isStrictProduction } from './secret'

export interface WebhookSettings {
  /** WEBHOOKS_ALLOW_PRIVATE=true: loopback and private-network receivers are allowed. */
  allowPrivate: boolean
  /** First retry after this many ms, doubling each time (WEBHOOKS_RETRY_BASE_MS). */
  retryBaseMs: number
  /** Tries per delivery, the first one included (WEBHOOKS_MAX_ATTEMPTS). */
  maxAttempts: number
  /** Whole-request timeout per try (WEBHOOKS_TIMEOUT_MS, at most 10 s). */
  timeoutMs: number
  /** How often the server looks for due deliveries (WEBHOOKS_POLL_SECONDS). */
  pollSeconds: number
}

const integer = (env: RawEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      name,
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    )
  }
  return value
}

const flag = (env: RawEnv, name: string): boolean => {
  const raw = (env[name] ?? '').trim().toLowerCase()
  if (raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw new ConfigError(name, `${name} must be "true" or "false", got "${env[name]}"`)
}

/**
 * Webhook delivery settings. WEBHOOKS_ALLOW_PRIVATE=true lets webhooks reach loopback and
 * private-network addresses (tests, a receiver on the same host or LAN). In production (NODE_ENV=production
 * set by the operator) that is refused unless WEBHOOKS_ALLOW_PRIVATE_IN_PRODUCTION=true says so
 * too: it is an SSRF opening, so it must be asked for twice. Link-local/metadata addresses and the
 * CMS itself stay refused whatever the settings (src/features/webhooks/ssrf.ts).
 */
export const readWebhookSettings = (env: RawEnv): WebhookSettings => {
  const allowPrivate = flag(env, 'WEBHOOKS_ALLOW_PRIVATE')
  if (
    allowPrivate &&
    isStrictProduction(env) &&
    !flag(env, 'WEBHOOKS_ALLOW_PRIVATE_IN_PRODUCTION')
  ) {
    throw new ConfigError(
      'WEBHOOKS_ALLOW_PRIVATE',
      'WEBHOOKS_ALLOW_PRIVATE=true lets webhooks reach private-network and loopback addresses (an SSRF risk); in production also set WEBHOOKS_ALLOW_PRIVATE_IN_PRODUCTION=true to confirm',
    )
  }
  return {
    allowPrivate,
    retryBaseMs: integer(env, 'WEBHOOKS_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    maxAttempts: integer(env, 'WEBHOOKS_MAX_ATTEMPTS', 8, 5, 20),
    timeoutMs: integer(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, 100, 10_000),
    pollSeconds: integer(env, 'WEBHOOKS_POLL_SECONDS', 2, 1, 59),
  }
}
