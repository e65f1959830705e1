import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { RawEnv } from './env'
import { ConfigError } from './errors'

/** Values seen in templates and docs; a production server refuses them. */
export const PLACEHOLDER_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'YOUR_SECRET_HERE',
  'your-secret-here',
  'replace-me',
  'payload',
  'redaksi',
  'dev-secret',
  'test',
])

export const MIN_SECRET_LENGTH = 32

export const isStrictProduction = (env: RawEnv): boolean =>
  env.NODE_ENV === 'production' && env.REDAKSI_LOCAL_START !== '1'

/**
 * Returns the secret Payload signs tokens with.
 * - Strict production (NODE_ENV=production set by the operator): PAYLOAD_SECRET must be set, not a
 *   placeholder and at least 32 characters; otherwise a ConfigError.
 * - Development, tests and the local `npm start`: PAYLOAD_SECRET if set, else a random secret
 *   generated once and kept in <dataDir>/payload-secret (git-ignored). With `persist: false`
 *   (payload.config.ts: importing the config writes nothing) a missing file is not created: start-up
 *   code writes it first (src/config/env.ts prepareSecretFile).
 */
export const resolveSecret = (
  env: RawEnv,
  dataDir: string = path.resolve('data'),
  { persist = true }: { persist?: boolean } = {},
): string => {
  const given = env.PAYLOAD_SECRET?.trim()
  if (env.NEXT_PHASE === 'phase-production-build') {
    // `next build` evaluates the config to collect page data; nothing is signed then, and the
    // running server always initialises Payload with the real secret before Next serves a page.
    return given || randomBytes(32).toString('hex')
  }
  if (isStrictProduction(env)) {
    if (!given) {
      throw new ConfigError(
        'PAYLOAD_SECRET',
        'PAYLOAD_SECRET is required when NODE_ENV=production: set it to a random string of 32+ characters (e.g. `openssl rand -hex 32`)',
      )
    }
    if (PLACEHOLDER_SECRETS.has(given) || given.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        'PAYLOAD_SECRET',
        `PAYLOAD_SECRET is a placeholder or shorter than ${MIN_SECRET_LENGTH} characters: set a random one (e.g. \`openssl rand -hex 32\`)`,
      )
    }
    return given
  }
  if (given) return given
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored) return stored
  }
  const generated = randomBytes(32).toString('hex')
  if (!persist) return generated
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, `${generated}\n`, { mode: 0o600 })
  return generated
}
