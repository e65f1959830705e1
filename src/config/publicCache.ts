import { ConfigError } from './errors'
import { readInt } from './envValues'
import { parseBytes } from './limits'

/**
 * HTTP and in-process caching of anonymous public reads (src/publicCache). Read once per process;
 * a bad value stops the server at start-up with one line naming the variable.
 */
export interface PublicCacheSettings {
  /** false: no response cache, no public Cache-Control (PUBLIC_CACHE=off). */
  enabled: boolean
  /** Cache-Control max-age in seconds (PUBLIC_CACHE_MAX_AGE). */
  maxAgeSeconds: number
  /** Cache-Control stale-while-revalidate in seconds (PUBLIC_CACHE_STALE_SECONDS). */
  staleWhileRevalidateSeconds: number
  /** Bytes of response bodies kept in the process (PUBLIC_CACHE_MAX_BYTES). */
  maxBytes: number
  /** Largest single response body kept (PUBLIC_CACHE_MAX_ENTRY_BYTES). */
  maxEntryBytes: number
  /**
   * The document cache under it (src/publicCache/documentCache.ts): anonymous lists not in the
   * response cache are assembled from cached public documents (PUBLIC_DOCUMENT_CACHE=off: never).
   */
  documents: boolean
  /** Bytes of cached documents kept in the process (PUBLIC_DOCUMENT_CACHE_MAX_BYTES). */
  documentMaxBytes: number
  /** How old the known content generation may get before a request re-reads it (PUBLIC_CACHE_CHECK_MS). */
  generationCheckMs: number
}

type Env = Record<string, string | undefined>

const readBytes = (env: Env, name: string, fallback: number): number => {
  const raw = env[name]?.trim()
  return raw === undefined || raw === '' ? fallback : parseBytes(name, raw)
}

/** Pure: the settings an environment asks for (throws ConfigError on a bad value). */
const readSwitch = (env: Env, name: string): boolean => {
  const raw = (env[name] ?? 'on').trim().toLowerCase()
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(raw)) {
    throw new ConfigError(name, `${name} must be "on" or "off", got "${raw}"`)
  }
  return !['off', 'false', '0'].includes(raw)
}

export const resolvePublicCache = (env: Env): PublicCacheSettings => {
  const maxBytes = readBytes(env, 'PUBLIC_CACHE_MAX_BYTES', 32 * 1024 * 1024)
  const maxEntryBytes = readBytes(env, 'PUBLIC_CACHE_MAX_ENTRY_BYTES', 1024 * 1024)
  if (maxEntryBytes > maxBytes) {
    throw new ConfigError(
      'PUBLIC_CACHE_MAX_ENTRY_BYTES',
      'PUBLIC_CACHE_MAX_ENTRY_BYTES must not exceed PUBLIC_CACHE_MAX_BYTES',
    )
  }
  return {
    enabled: readSwitch(env, 'PUBLIC_CACHE'),
    maxAgeSeconds: readInt(env, 'PUBLIC_CACHE_MAX_AGE', 10, 0, 86_400),
    staleWhileRevalidateSeconds: readInt(env, 'PUBLIC_CACHE_STALE_SECONDS', 60, 0, 86_400),
    maxBytes,
    maxEntryBytes,
    documents: readSwitch(env, 'PUBLIC_DOCUMENT_CACHE'),
    documentMaxBytes: readBytes(env, 'PUBLIC_DOCUMENT_CACHE_MAX_BYTES', 32 * 1024 * 1024),
    generationCheckMs: readInt(env, 'PUBLIC_CACHE_CHECK_MS', 500, 0, 1000),
  }
}
