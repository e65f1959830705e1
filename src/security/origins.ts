import type { RawEnv } from '@/config/env'

/**
 * Origins trusted for cookie-authenticated writes (CSRF): PUBLIC_URL, CORS_ORIGINS (comma
 * separated) and the address the server listens on (set by the server once it has bound its
 * port, src/config/runtime.ts; localhost for the default port otherwise). The Express CSRF guard
 * also accepts the request's own origin (its Host header), which a cross-site page cannot forge.
 */
const toOrigin = (raw: string): string | null => {
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((entry) => toOrigin(entry))
    .filter((origin): origin is string => origin !== null)

/** Origins from PUBLIC_URL and CORS_ORIGINS. */
export const configuredOrigins = (env: RawEnv): string[] => [
  ...list(env.PUBLIC_URL),
  ...list(env.CORS_ORIGINS),
]

/** The origins the listening socket answers on (loopback names for a wildcard or loopback host). */
export const listenOrigins = (host: string, port: number): string[] => {
  const names =
    host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === 'localhost'
      ? ['localhost', '127.0.0.1']
      : [host.includes(':') ? `[${host}]` : host]
  return names.map((name) => `http://${name}:${port}`)
}

/**
 * Payload's `csrf` list: never empty, so Payload ignores the login cookie on requests from any
 * other origin (and, without an Origin header, unless Sec-Fetch-Site says same-origin/site).
 */
export const payloadCsrfOrigins = (env: RawEnv): string[] => {
  const listening = list(env.REDAKSI_LISTEN_ORIGINS)
  const fallback =
    listening.length > 0 ? listening : listenOrigins('0.0.0.0', Number(env.PORT) || 3000)
  return [...new Set([...configuredOrigins(env), ...fallback])]
}

/**
 * Origins other sites may call the API from in a browser (CORS): CORS_ORIGINS only. Unset means
 * same origin only (no Access-Control-Allow-Origin header is ever sent).
 */
export const corsAllowlist = (raw: string | undefined): Set<string> => new Set(list(raw))
