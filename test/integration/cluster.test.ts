import { afterAll, afterEach, describe, expect, it } from 'vitest'

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
