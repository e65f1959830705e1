import os from 'node:os'

import { ConfigError } from './errors'
import { readInt } from './envValues'

/**
 * Resource limits: request bodies, read sizes, GraphQL query shape and load shedding. Read once
 * per process from the environment ({@link getLimits}); a bad value stops the server at start-up
 * with one line naming the variable.
 */
export interface Limits {
  /** JSON, form and other non-multipart request bodies (MAX_BODY_BYTES). */
  maxBodyBytes: number
  /** One uploaded file in a multipart request (MEDIA_MAX_BYTES; MAX_UPLOAD_BYTES is its old name). */
  maxUploadBytes: number
  /** Largest `limit` a non-staff read may ask for; `limit=0` ("all") becomes this (API_MAX_LIMIT). */
  apiMaxLimit: number
  /** Deepest relationship population for non-staff reads (API_MAX_DEPTH). */
  apiMaxDepth: number
  /** Payload's GraphQL complexity budget per query (GRAPHQL_MAX_COMPLEXITY). */
  graphqlMaxComplexity: number
  /** Aliased fields per GraphQL document (GRAPHQL_MAX_ALIASES). */
  graphqlMaxAliases: number
  /** Selection-set nesting per GraphQL operation (GRAPHQL_MAX_DEPTH). */
  graphqlMaxDepth: number
  /** Requests handled at once (API and admin) before new ones queue (MAX_CONCURRENT_REQUESTS). */
  maxConcurrent: number
  /** Requests waiting for a slot before new ones get 503 (MAX_QUEUED_REQUESTS). */
  maxQueued: number
  /** Longest a queued request waits for a slot before it gets 503 (MAX_QUEUE_WAIT_MS). */
  maxQueueWaitMs: number
  /**
   * Refuse new uncached requests while one turn of the event loop has already been busy this long
   * (MAX_EVENT_LOOP_BUSY_MS; 0 = off): see src/server/limits/loadShedding.ts.
   */
  maxEventLoopBusyMs: number
}

type Env = Record<string, string | undefined>

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 * 1024,
  m: 1024 * 1024,
  gb: 1024 * 1024 * 1024,
  g: 1024 * 1024 * 1024,
}

/** `1048576`, `512kb`, `1mb`, `20MB` → bytes. */
export const parseBytes = (name: string, raw: string): number => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw)
  const unit = match ? BYTE_UNITS[match[2].toLowerCase()] : undefined
  if (!match || unit === undefined) {
    throw new ConfigError(
      name,
      `${name} must be a size in bytes (e.g. 1048576, 512kb, 1mb), got "${raw}"`,
    )
  }
  const bytes = Math.floor(Number(match[1]) * unit)
  if (bytes < 1024) throw new ConfigError(name, `${name} must be at least 1kb, got "${raw}"`)
  return bytes
}

const readBytes = (env: Env, name: string, fallback: number): number => {
  const raw = env[name]?.trim()
  return raw === undefined || raw === '' ? fallback : parseBytes(name, raw)
}

/**
 * MEDIA_MAX_BYTES (default 20 MB): the one size limit for an uploaded file. MAX_UPLOAD_BYTES, its
 * earlier name, is still read; both set to different sizes is refused rather than guessed.
 */
const readUploadBytes = (env: Env): number => {
  const fallback = 20 * 1024 * 1024
  const media = readBytes(env, 'MEDIA_MAX_BYTES', -1)
  const legacy = readBytes(env, 'MAX_UPLOAD_BYTES', -1)
  if (media !== -1 && legacy !== -1 && media !== legacy) {
    throw new ConfigError(
      'MEDIA_MAX_BYTES',
      'MEDIA_MAX_BYTES and MAX_UPLOAD_BYTES (its old name) are both set to different sizes; set only MEDIA_MAX_BYTES',
    )
  }
  if (media !== -1) return media
  return legacy !== -1 ? legacy : fallback
}

/**
 * Four requests per core (at least 4), the rest wait briefly (queue 8x, at most 2 s). Measured on
 * 2 cores with `npm run bench:soak` (50 clients that retry at once): 8 in flight served the mix
 * with 0-33 shed requests and 0 timeouts; 4 in flight shed 80 % of the requests (the queue of 32
 * is smaller than 50 clients) for the same served throughput. `npm run bench:load` (autocannon,
 * c=50) is the trade-off's other side: with 8 in flight two quiet runs each had 11-12 timeouts in
 * one of its two scenarios, with 4 one run had none. A smaller in-flight count with a deeper queue
 * is the next thing to measure.
 */
export const defaultConcurrency = (cores = os.availableParallelism?.() ?? os.cpus().length) =>
  Math.max(4, cores * 4)

/** Pure: the limits an environment asks for (throws ConfigError on a bad value). */
export const resolveLimits = (env: Env): Limits => {
  const maxConcurrent = readInt(env, 'MAX_CONCURRENT_REQUESTS', defaultConcurrency(), 1, 10_000)
  return {
    maxBodyBytes: readBytes(env, 'MAX_BODY_BYTES', 1024 * 1024),
    maxUploadBytes: readUploadBytes(env),
    apiMaxLimit: readInt(env, 'API_MAX_LIMIT', 100, 1, 100_000),
    apiMaxDepth: readInt(env, 'API_MAX_DEPTH', 2, 0, 10),
    graphqlMaxComplexity: readInt(env, 'GRAPHQL_MAX_COMPLEXITY', 500, 1, 1_000_000),
    graphqlMaxAliases: readInt(env, 'GRAPHQL_MAX_ALIASES', 10, 0, 1000),
    graphqlMaxDepth: readInt(env, 'GRAPHQL_MAX_DEPTH', 8, 1, 100),
    maxConcurrent,
    maxQueued: readInt(env, 'MAX_QUEUED_REQUESTS', maxConcurrent * 8, 0, 100_000),
    maxQueueWaitMs: readInt(env, 'MAX_QUEUE_WAIT_MS', 2000, 0, 60_000),
    maxEventLoopBusyMs: readInt(env, 'MAX_EVENT_LOOP_BUSY_MS', 1000, 0, 60_000),
  }
}

let cached: Limits | null = null

/** The process's limits, read from the environment on first use (src/config/env.ts env.limits). */
export const getLimits = (raw: Env): Limits => {
  cached ??= resolveLimits(raw)
  return cached
}
