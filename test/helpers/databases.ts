import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

export type TestDatabaseKind = 'sqlite' | 'postgres'

export interface TestDatabase {
  kind: TestDatabaseKind
  uri: string
  drop: () => Promise<void>
}

/** SQLite always; Postgres too when TEST_POSTGRES_URI names a server the tests may create databases on. */
export const TEST_DATABASES: TestDatabaseKind[] = process.env.TEST_POSTGRES_URI
  ? ['sqlite', 'postgres']
  : ['sqlite']

const withDatabase = (serverUri: string, name: string): string => {
  const url = new URL(serverUri)
  url.pathname = `/${name}`
  return url.toString()
}

/** A fresh, empty database of the given kind. */
export const createTestDatabase = async (kind: TestDatabaseKind): Promise<TestDatabase> => {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-test-'))
    return {
      kind,
      uri: `file:${path.join(dir, 'redaksi.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const serverUri = process.env.TEST_POSTGRES_URI
  if (!serverUri) throw new Error('TEST_POSTGRES_URI is not set')
  const name = `redaksi_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUri })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return {
    kind,
    uri: withDatabase(serverUri, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUri })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
