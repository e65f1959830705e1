/**
 * The environment, read in one place. Every variable Redaksi understands is parsed and typed
 * here, with its default and, for a bad value, a one-line ConfigError naming the variable (the
 * rules for the bigger groups live beside their types: src/config/{database,secret,sqlite,limits}
 * and src/security/origins, all pure functions of a RawEnv). No other module reads process.env.
 *
 * Values are read when asked for (not frozen at import): `npm start` sets NODE_ENV before the
 * server loads, and tests set variables before each in-process Payload.
 */
import path from 'node:path'

import { resolveDatabase } from './database'
import type { DatabaseTarget } from './database'
import { ConfigError } from './errors'
import { getLimits } from './limits'
import { resolvePublicCache } from './publicCache'
import type { PublicCacheSettings } from './publicCache'
import { getRateLimits } from './rateLimits'
import type { RateLimits } from './rateLimits'
import type { Limits } from './limits'
import { readNewsFormatSettings } from './newsFormats'
import type { NewsFormatSettings } from './newsFormats'
import { resolveMedia } from './media'
import type { MediaSettings } from './media'
import { runtime } from './runtime'
import { isStrictProduction, resolveSecret } from './secret'
import { readSqliteSettings } from './sqlite'
import { parseSiteUrlPattern } from './site'
import { readWebhookSettings } from './webhooks'
import type { WebhookSettings } from './webhooks'
import type { SqliteSettings } from './sqlite'

export type RawEnv = Readonly<Record<string, string | undefined>>

/** The process environment as it is now (the only read of process.env). */
export const rawEnv = (): RawEnv => process.env

/**
 * The environment a child process gets: this process's own plus overrides (undefined removes
 * a variable).
 */
export const childEnv = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => {
  const next: NodeJS.ProcessEnv = { ...process.env }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) Reflect.deleteProperty(next, key)
    else next[key] = value
  }
  return next
}

/**
 * `npm start` and the CLIs run in production mode: React, Next and Payload read NODE_ENV
 * themselves, so it is set on the process. Without NODE_ENV from the operator this is a local
 * run (the local secret rules apply), which is recorded in-process.
 */
export const enterProductionMode = (): void => {
  if (process.env.NODE_ENV !== 'production') runtime.markLocalStart()
  Object.assign(process.env, { NODE_ENV: 'production' })
}

/** Sets a variable a library reads itself, unless the operator set it. */
export const defaultLibraryEnv = (
  name: 'MONGOMS_RUNTIME_DOWNLOAD' | 'PAYLOAD_DISABLE_DEPENDENCY_CHECKER',
  value: string,
): void => {
  if (process.env[name] === undefined) process.env[name] = value
}

/** PORT: 0-65535, default 3000. */
export const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return 3000
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `PORT must be a number from 0 to 65535, got "${raw}"`)
  }
  return port
}

export interface EmailSettings {
  /** the outbox folder .eml files are written to */
  dir: string
  fromAddress: string
  fromName: string
}

/**
 * SMTP_URL: `smtp://[user:pass@]host[:port]` or `smtps://…` (nodemailer's URL form). Unset → the
 * .eml outbox. A bad value stops the server naming the variable; the value itself (it carries a
 * password) is never repeated.
 */
export const parseSmtpUrl = (raw: string | undefined): string | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ConfigError(
      'SMTP_URL',
      'SMTP_URL must be a URL like smtp://user:pass@mail.example.com:587 (it is not a URL)',
    )
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(
      'SMTP_URL',
      `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`,
    )
  }
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'SMTP_URL names no host')
  return raw.trim()
}

export interface JobsSettings {
  autoRun: boolean
  cron: string
}

/** Typed access to every environment variable. */
export const env = {
  /** NODE_ENV as given (unset outside `npm start`/CLIs/`npm run dev`). */
  nodeEnv: (): string | undefined => rawEnv().NODE_ENV,
  isProduction: (): boolean => rawEnv().NODE_ENV === 'production',
  /** `npm start`/a CLI without NODE_ENV from the operator (REDAKSI_LOCAL_START=1 for children). */
  isLocalStart: (): boolean => runtime.get().localStart || rawEnv().REDAKSI_LOCAL_START === '1',
  /** NEXT_PHASE: set by Next while it builds. */
  nextPhase: (): string | undefined => rawEnv().NEXT_PHASE,
  nextTelemetryDisabled: (): string => rawEnv().NEXT_TELEMETRY_DISABLED ?? '1',
  /** DATABASE_URI → adapter kind and connection string. */
  database: (): DatabaseTarget => resolveDatabase(rawEnv().DATABASE_URI, rawEnv().NODE_ENV),
  /** PAYLOAD_SECRET (or the generated local one); `persist: false` never writes the file. */
  secret: (options: { persist?: boolean } = {}): string =>
    resolveSecret(secretEnv(), undefined, options),
  port: (): number => parsePort(rawEnv().PORT),
  host: (): string => rawEnv().HOST || '0.0.0.0',
  trustProxy: (): boolean => rawEnv().TRUST_PROXY === 'true',
  publicUrl: (): string | undefined => rawEnv().PUBLIC_URL || undefined,
  /** PUBLIC_SITE_URL: the website's article URL pattern with `:slug` (src/config/site.ts). */
  siteUrlPattern: (): string =>
    parseSiteUrlPattern(
      rawEnv().PUBLIC_SITE_URL,
      rawEnv().PUBLIC_URL || `http://localhost:${parsePort(rawEnv().PORT) || 3000}`,
    ),
  /** PUBLIC_URL, CORS_ORIGINS and the bound address, for src/security/origins. */
  originsEnv: (): RawEnv => ({
    PUBLIC_URL: rawEnv().PUBLIC_URL,
    CORS_ORIGINS: rawEnv().CORS_ORIGINS,
    PORT: rawEnv().PORT,
    REDAKSI_LISTEN_ORIGINS:
      runtime.get().listenOrigins.join(',') || rawEnv().REDAKSI_LISTEN_ORIGINS,
  }),
  seedOnStart: (): boolean => (rawEnv().SEED_ON_START ?? 'true').toLowerCase() !== 'false',
  /** WORKFLOW_FOUR_EYES=false turns the four-eyes rule off; anything else keeps it on. */
  fourEyes: (): boolean => (rawEnv().WORKFLOW_FOUR_EYES ?? 'true').trim().toLowerCase() !== 'false',
  jobs: (): JobsSettings => ({
    autoRun: rawEnv().JOBS_AUTORUN !== 'false',
    cron: rawEnv().JOBS_AUTORUN_CRON || '* * * * *',
  }),
  /** JOBS_LEASE_SECONDS, raw (parsed by src/features/workflow/requeueStaleJobs.ts). */
  jobsLeaseSecondsRaw: (): string | undefined => rawEnv().JOBS_LEASE_SECONDS,
  /** MIGRATION_LOCK_TIMEOUT_SECONDS, raw (parsed by src/db/migrationLock.ts). */
  migrationLockTimeoutRaw: (): string | undefined => rawEnv().MIGRATION_LOCK_TIMEOUT_SECONDS,
  email: (root: string = process.cwd()): EmailSettings => ({
    dir: path.resolve(root, rawEnv().EMAIL_OUTBOX_DIR || 'data/outbox'),
    fromAddress: rawEnv().EMAIL_FROM_ADDRESS || 'no-reply@redaksi.local',
    fromName: rawEnv().EMAIL_FROM_NAME || 'Redaksi',
  }),
  /** SMTP_URL (validated): mail goes out over SMTP instead of into the outbox. */
  smtpUrl: (): string | undefined => parseSmtpUrl(rawEnv().SMTP_URL),
  logLevel: (): string => rawEnv().LOG_LEVEL || 'info',
  logToStderr: (): boolean => runtime.get().logToStderr || rawEnv().REDAKSI_LOG_TO_STDERR === '1',
  /** DB_LOCK_WAIT_MS (SQLite and Postgres), SQLITE_READERS. */
  sqlite: (): SqliteSettings => readSqliteSettings(rawEnv()),
  /** Benchmarks only: REDAKSI_SQLITE_CLIENT=stock uses the stock @libsql/client. */
  sqliteClient: (): 'redaksi' | 'stock' =>
    rawEnv().REDAKSI_SQLITE_CLIENT === 'stock' ? 'stock' : 'redaksi',
  /** MAX_BODY_BYTES, API_MAX_LIMIT, … (read once per process). */
  limits: (): Limits => getLimits(rawEnv()),
  /** PUBLIC_CACHE, PUBLIC_CACHE_MAX_AGE, … (anonymous read caching, src/publicCache). */
  publicCache: (): PublicCacheSettings => resolvePublicCache(rawEnv()),
  /** PUBLICATION_NAME, SITEMAP_PAGE_SIZE (feeds, sitemaps, ninjs: src/config/newsFormats.ts). */
  newsFormats: (): NewsFormatSettings => readNewsFormatSettings(rawEnv()),
  /** RATE_LIMIT_WINDOW_MS, RATE_LIMIT_ANONYMOUS, RATE_LIMIT_API_CLIENT, RATE_LIMIT_LOGIN, RATE_LIMIT_BAD_KEY. */
  rateLimits: (): RateLimits => getRateLimits(rawEnv()),
  /** CORS_ORIGINS, raw (parsed by src/security/origins.ts corsAllowlist). */
  corsOriginsRaw: (): string | undefined => rawEnv().CORS_ORIGINS,
  /** WEBHOOKS_ALLOW_PRIVATE, WEBHOOKS_RETRY_BASE_MS, … (src/config/webhooks.ts). */
  webhooks: (): WebhookSettings =>
    readWebhookSettings({ ...rawEnv(), REDAKSI_LOCAL_START: env.isLocalStart() ? '1' : undefined }),
  /** MEDIA_DIR, S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE. */
  media: (root: string = process.cwd()): MediaSettings => resolveMedia(rawEnv(), root),
  mongoMemory: () => ({
    startTimeoutMs: Number(rawEnv().MONGOMS_START_TIMEOUT_MS ?? 60_000),
    systemBinary: rawEnv().MONGOMS_SYSTEM_BINARY,
  }),
}

const secretEnv = (): RawEnv => ({
  NODE_ENV: rawEnv().NODE_ENV,
  NEXT_PHASE: rawEnv().NEXT_PHASE,
  PAYLOAD_SECRET: rawEnv().PAYLOAD_SECRET,
  REDAKSI_LOCAL_START: env.isLocalStart() ? '1' : undefined,
})

/**
 * Start-up code (server, CLIs): writes the generated local secret to data/payload-secret when
 * one is needed, so that importing payload.config.ts never writes a file.
 */
export const prepareSecretFile = (): void => {
  if (!isStrictProduction(secretEnv())) resolveSecret(secretEnv())
}
