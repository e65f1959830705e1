import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { sqliteFilePath } from '../../src/config/database'
import {
  acquirePostgresMigrationLock,
  acquireSqliteMigrationLock,
} from '../../src/db/migrationLock'
import type { ReleaseLock } from '../../src/db/migrationLock'

import { Api, PASSWORD } from '../helpers/api'
import { runCli } from '../helpers/cli'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { sqlQuery } from '../helpers/sql'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined)
})
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined)
})

const freshDatabase = async (kind: TestDatabase['kind']) => {
  const db = await createTestDatabase(kind)
  cleanups.push(() => db.drop())
  return db
}

const serverOn = async (db: TestDatabase, env: Record<string, string> = {}) => {
  const server = await startTestServer({ databaseUri: db.uri, env })
  cleanups.push(() => server.stop('SIGKILL'))
  return server
}

const migrationRows = (db: TestDatabase) =>
  sqlQuery<{ name: string; batch: number }>(
    db,
    'SELECT name, batch FROM payload_migrations ORDER BY name',
  )

describe.each(TEST_DATABASES)('%s: processes starting at once on a fresh database', (kind) => {
  it('two servers and create-admin all start; each migration runs exactly once', async () => {
    const db = await freshDatabase(kind)
    const [a, b, admin] = await Promise.allSettled([
      serverOn(db),
      serverOn(db),
      runCli(
        'createAdmin.ts',
        ['--email', 'chief@redaksi.test', '--password', PASSWORD, '--name', 'Chief'],
        { DATABASE_URI: db.uri },
      ),
    ])
    expect(a.status, a.status === 'rejected' ? String(a.reason) : '').toBe('fulfilled')
    expect(b.status, b.status === 'rejected' ? String(b.reason) : '').toBe('fulfilled')
    expect(admin.status).toBe('fulfilled')
    const cli = (admin as PromiseFulfilledResult<Awaited<ReturnType<typeof runCli>>>).value
    expect(cli.code, cli.stderr).toBe(0)

    const rows = await migrationRows(db)
    expect(rows.map((r) => r.name)).toEqual([...new Set(rows.map((r) => r.name))])
    expect(rows.length).toBeGreaterThan(0)

    for (const server of [a, b] as PromiseFulfilledResult<TestServer>[]) {
      const api = new Api(server.value.url)
      const token = await api.login('chief@redaksi.test', PASSWORD)
      expect(token).toMatch(/\S{20,}/)
    }
  })
})

const silentLogger = { info: () => undefined } as unknown as Parameters<
  typeof acquireSqliteMigrationLock
>[1]['logger']

/** Takes the migration lock from this test process, as another migrating process would. */
const holdMigrationLock = async (db: TestDatabase): Promise<ReleaseLock> => {
  const options = { logger: silentLogger, timeoutMs: 5_000 }
  if (db.kind === 'sqlite') return acquireSqliteMigrationLock(sqliteFilePath(db.uri)!, options)
  const pool = new pg.Pool({ connectionString: db.uri, max: 1 })
  const release = await acquirePostgresMigrationLock(pool, options)
  return async () => {
    await release()
    await pool.end()
  }
}

const createAdmin = (
  db: TestDatabase,
  env: Record<string, string> = {},
  onOutput?: (o: string) => void,
) =>
  runCli(
    'createAdmin.ts',
    ['--email', 'chief@redaksi.test', '--password', PASSWORD],
    { DATABASE_URI: db.uri, ...env },
    120_000,
    onOutput,
  )

describe.each(TEST_DATABASES)('%s: the migration lock', (kind) => {
  it('a process that finds the lock taken says so, waits, then migrates', async () => {
    const db = await freshDatabase(kind)
    const release = await holdMigrationLock(db)
    cleanups.push(release)
    let sawWaiting!: () => void
    const waiting = new Promise<void>((resolve) => (sawWaiting = resolve))
    const run = createAdmin(db, {}, (output) => {
      if (/another process is migrating the database/.test(output)) sawWaiting()
    })
    await waiting
    // still waiting: nothing migrated while the lock is held
    await new Promise((r) => setTimeout(r, 1_000))
    const tables = await sqlQuery(
      db,
      db.kind === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE name = 'payload_migrations'"
        : "SELECT tablename FROM pg_tables WHERE tablename = 'payload_migrations'",
    )
    expect(tables).toEqual([])
    cleanups.pop()
    await release()
    const result = await run
    expect(result.code, result.stderr.slice(-2_000)).toBe(0)
    expect(result.stderr).toMatch(/migration lock acquired/)
    expect((await migrationRows(db)).length).toBeGreaterThan(0)
  })

  it('gives up after MIGRATION_LOCK_TIMEOUT_SECONDS with one clear line and exit 1', async () => {
    const db = await freshDatabase(kind)
    cleanups.push(await holdMigrationLock(db))
    const started = Date.now()
    const result = await createAdmin(db, { MIGRATION_LOCK_TIMEOUT_SECONDS: '2' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /redaksi: gave up after 2 s waiting for another process to finish migrating the database .*MIGRATION_LOCK_TIMEOUT_SECONDS/,
    )
    expect(result.stderr).not.toMatch(/\s+at /)
    expect(Date.now() - started).toBeLessThan(60_000)
  })
})
