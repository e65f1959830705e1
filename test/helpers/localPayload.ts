import type { Payload } from 'payload'

/**
 * An in-process Payload on the given database, for Local API tests and for preparing fixtures
 * next to a running server. Uses the committed migrations (production schema handling), so it
 * can share a database with a production-mode server.
 */
export const localPayload = async (
  databaseUri: string,
  env: Record<string, string> = {},
): Promise<Payload> => {
  Object.assign(process.env, {
    DATABASE_URI: databaseUri,
    NODE_ENV: 'production',
    REDAKSI_LOCAL_START: '1',
    PAYLOAD_SECRET: 'local-test-secret-'.padEnd(40, 'x'),
    JOBS_AUTORUN: 'false',
    SEED_ON_START: 'false',
    ...env,
  })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}
