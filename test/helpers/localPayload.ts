import type { Payload } from 'payload'
import { vi } from 'vitest'

/**
 * An in-process Payload on the given database, for Local API tests and for preparing fixtures
 * next to a running server. Uses the committed migrations (production schema handling), so it
 * can share a database with a production-mode server or the seed CLI. Each database gets its own
 * instance: the config is evaluated afresh (it reads DATABASE_URI) and cached under its own key.
 */
export const localPayload = async (
  databaseUri: string,
  env: Record<string, string> = {},
): Promise<Payload> => {
  const saved = { ...process.env }
  Object.assign(process.env, {
    DATABASE_URI: databaseUri,
    NODE_ENV: 'production',
    REDAKSI_LOCAL_START: '1',
    PAYLOAD_SECRET: 'local-test-secret-'.padEnd(40, 'x'),
    JOBS_AUTORUN: 'false',
    SEED_ON_START: 'false',
    ...env,
  })
  try {
    vi.resetModules()
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    return await getPayload({ config, key: databaseUri })
  } finally {
    // servers spawned later by the same test file must not inherit these
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
