import path from 'node:path'

import { ConfigError } from './errors'

type Env = Record<string, string | undefined>

/** S3-compatible object storage for media (all of it from S3_* variables). */
export interface S3Settings {
  bucket: string
  /** Custom endpoint (MinIO, R2, s3rver, …); AWS when unset. */
  endpoint?: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
}

export interface MediaSettings {
  /** Local folder for uploaded photos and their sizes (MEDIA_DIR, default ./data/media). */
  dir: string
  /** Object storage instead of the local folder, when S3_BUCKET is set. */
  s3: S3Settings | null
}

const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
const S3_ALL = [...S3_REQUIRED, 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE'] as const

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim()
  return raw === undefined || raw === '' ? undefined : raw
}

/**
 * Pure: where media is stored. Any S3_* variable switches to object storage, and then all of
 * S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed: a partial S3
 * configuration stops the server at start-up (it would otherwise write photos to a local disk
 * the other app servers cannot see).
 */
export const resolveMedia = (env: Env, root: string = process.cwd()): MediaSettings => {
  const dir = path.resolve(root, value(env, 'MEDIA_DIR') ?? 'data/media')
  const given = S3_ALL.filter((name) => value(env, name) !== undefined)
  if (given.length === 0) return { dir, s3: null }
  const missing = S3_REQUIRED.filter((name) => value(env, name) === undefined)
  if (missing.length > 0) {
    throw new ConfigError(
      missing[0],
      `S3 media storage is partly configured (${given.join(', ')} set): also set ${missing.join(', ')}, or unset every S3_* variable to keep media on the local disk`,
    )
  }
  const endpoint = value(env, 'S3_ENDPOINT')
  if (endpoint !== undefined) {
    let url: URL | null = null
    try {
      url = new URL(endpoint)
    } catch {
      url = null
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      throw new ConfigError(
        'S3_ENDPOINT',
        `S3_ENDPOINT must be an http(s) URL, e.g. https://s3.example.com, got "${endpoint}"`,
      )
    }
  }
  const pathStyle = (value(env, 'S3_FORCE_PATH_STYLE') ?? 'false').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new ConfigError(
      'S3_FORCE_PATH_STYLE',
      `S3_FORCE_PATH_STYLE must be true or false, got "${value(env, 'S3_FORCE_PATH_STYLE')}"`,
    )
  }
  const bucket = value(env, 'S3_BUCKET') as string
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      'S3_BUCKET',
      `S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots, hyphens), got "${bucket}"`,
    )
  }
  return {
    dir,
    s3: {
      bucket,
      ...(endpoint ? { endpoint } : {}),
      region: value(env, 'S3_REGION') as string,
      accessKeyId: value(env, 'S3_ACCESS_KEY_ID') as string,
      secretAccessKey: value(env, 'S3_SECRET_ACCESS_KEY') as string,
      forcePathStyle: pathStyle === 'true' || pathStyle === '1',
    },
  }
}
