import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { sqliteFilePath } from '../../src/config/database'
import {
  acquirePostgresMigrationLock,
  acquireSqliteMigrationLock,
} from '../../src/db/migrationLock'
import type { ReleaseLock } from '../../src/db/migrationLock'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
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
  it('two servers, create-admin and seed all start; each migration runs exactly once', async () => {
    const db = await freshDatabase(kind)
    const [a, b, admin, seed] = await Promise.allSettled([
      serverOn(db),
      serverOn(db),
      runCli(
        'createAdmin.ts',
        ['--email', 'chief@redaksi.test', '--password', PASSWORD, '--name', 'Chief'],
        { DATABASE_URI: db.uri },
      ),
      runCli('seed.ts', [], { DATABASE_URI: db.uri }),
    ])
    expect(a.status, a.status === 'rejected' ? String(a.reason) : '').toBe('fulfilled')
    expect(b.status, b.status === 'rejected' ? String(b.reason) : '').toBe('fulfilled')
    expect(admin.status).toBe('fulfilled')
    const cli = (admin as PromiseFulfilledResult<Awaited<ReturnType<typeof runCli>>>).value
    expect(cli.code, cli.stderr.slice(-2_000)).toBe(0)
    expect(seed.status).toBe('fulfilled')
    const seeded = (seed as PromiseFulfilledResult<Awaited<ReturnType<typeof runCli>>>).value
    expect(seeded.code, seeded.stderr.slice(-2_000)).toBe(0)
    expect(seeded.stdout).toMatch(/imported/)

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

/**
 * The deployment the README recommends for scale: several app servers on one Postgres database,
 * each running the jobs queue (every second here) with a short lease for stale jobs.
 */
const POSTGRES = Boolean(process.env.TEST_POSTGRES_URI)
const CLUSTER_ENV = {
  JOBS_AUTORUN_CRON: '* * * * * *',
  JOBS_LEASE_SECONDS: '4',
  // the servers of one deployment share the secret, so a login on one is valid on the other
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
}

type Tokens = Awaited<ReturnType<typeof bootstrapAccounts>>

/** An article the contributor wrote and submitted and an editor approved, through REST. */
const approvedArticle = async (api: Api, tokens: Tokens, title: string): Promise<number> => {
  const created = await api
    .as(tokens.contributor)
    .post<{ doc: { id: number } }>('/api/articles', { title })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const id = created.body.doc.id
  for (const [token, action] of [
    [tokens.contributor, 'submit'],
    [tokens.editor, 'approve'],
  ] as const) {
    const res = await api.as(token).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200)
  }
  return id
}

const schedule = async (api: Api, tokens: Tokens, id: number, publishAt: Date) => {
  const res = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, {
    action: 'schedule',
    publishAt: publishAt.toISOString(),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 45_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const isPublic = async (api: Api, id: number) =>
  (await api.get(`/api/articles/${id}`)).status === 200

const auditCounts = async (db: TestDatabase, ids: number[]) => {
  const rows = await sqlQuery<{ article_id: number; action: string; n: string }>(
    db,
    `SELECT article_id, action, COUNT(*) AS n FROM audit_events
      WHERE article_id IN (${ids.map(() => '?').join(',')}) GROUP BY article_id, action`,
    ids,
  )
  const counts: Record<number, Record<string, number>> = {}
  for (const row of rows) (counts[row.article_id] ??= {})[row.action] = Number(row.n)
  return counts
}

describe.skipIf(!POSTGRES)(
  `two app servers on one Postgres database${POSTGRES ? '' : ' (skipped: TEST_POSTGRES_URI is unset)'}`,
  () => {
    it('migrate once; each scheduled publish runs exactly once and is audited once; concurrent transitions serialise', async () => {
      const db = await freshDatabase('postgres')
      const [a, b] = await Promise.all([serverOn(db, CLUSTER_ENV), serverOn(db, CLUSTER_ENV)])
      const rows = await migrationRows(db)
      expect(rows.map((r) => r.name)).toEqual([...new Set(rows.map((r) => r.name))])

      const apiA = new Api(a.url)
      const apiB = new Api(b.url)
      const tokens = await bootstrapAccounts(apiA)
      const ids: number[] = []
      for (let i = 0; i < 12; i++) {
        ids.push(await approvedArticle(i % 2 ? apiB : apiA, tokens, `Jadwal ${i}`))
      }
      const publishAt = new Date(Date.now() + 3_000)
      await Promise.all(ids.map((id, i) => schedule(i % 2 ? apiB : apiA, tokens, id, publishAt)))
      for (const id of ids) await waitFor(`article ${id} to go live`, () => isPublic(apiA, id))
      // a few more ticks of both runners: nothing runs twice
      await new Promise((r) => setTimeout(r, 3_000))

      const counts = await auditCounts(db, ids)
      for (const id of ids)
        expect(counts[id], `article ${id}`).toEqual({
          create: 1,
          submit: 1,
          approve: 1,
          schedule: 1,
          publish: 1,
        })
      // Payload deletes a job once it completed: none left, none stuck.
      expect(await sqlQuery(db, 'SELECT id FROM payload_jobs')).toEqual([])
      const published = (a.output() + b.output()).match(/scheduled article \d+ published/g) ?? []
      expect(published.sort()).toEqual(ids.map((id) => `scheduled article ${id} published`).sort())
      // ...and no job was taken by both servers (the loser would log a skipped publish)
      expect(a.output() + b.output()).not.toMatch(/scheduled publish of \d+ skipped/)

      // Two editors publish the same approved article at the same moment through both servers:
      // one wins, the other is told it is no longer approved; one audit row.
      const contested = await approvedArticle(apiA, tokens, 'Rebutan')
      const results = await Promise.all(
        [apiA.as(tokens.editor), apiB.as(tokens.editor2)].map((api) =>
          api.post(`/api/articles/${contested}/workflow`, { action: 'publish' }),
        ),
      )
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      expect((await auditCounts(db, [contested]))[contested]).toEqual({
        create: 1,
        submit: 1,
        approve: 1,
        publish: 1,
      })

      // A graceful shutdown of one server loses nothing queued: the other publishes on time.
      const later = await approvedArticle(apiA, tokens, 'Setelah berhenti')
      await schedule(apiA, tokens, later, new Date(Date.now() + 4_000))
      expect(await a.stop('SIGTERM')).toBe(0)
      await waitFor(`article ${later} to go live`, () => isPublic(apiB, later))
      expect((await auditCounts(db, [later]))[later]).toEqual({
        create: 1,
        submit: 1,
        approve: 1,
        schedule: 1,
        publish: 1,
      })
    })

    it.each(['SIGKILL', 'SIGTERM'] as const)(
      'a server stopped by %s in the middle of a job: the other server requeues it after the lease and publishes once',
      async (signal) => {
        const db = await freshDatabase('postgres')
        const [a, b] = await Promise.all([serverOn(db, CLUSTER_ENV), serverOn(db, CLUSTER_ENV)])
        const apiA = new Api(a.url)
        const tokens = await bootstrapAccounts(apiA)
        const id = await approvedArticle(apiA, tokens, 'Terputus')

        await schedule(apiA, tokens, id, new Date(Date.now() + 3_000))
        // Hold the article's row so whichever server takes the job stops in the middle of it.
        const blocker = new pg.Client({ connectionString: db.uri })
        await blocker.connect()
        cleanups.push(() => blocker.end())
        await blocker.query('BEGIN')
        await blocker.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id])
        const [queued] = await sqlQuery<{ processing: boolean }>(
          db,
          'SELECT processing FROM payload_jobs',
        )
        expect(queued.processing).toBe(false)

        let claimer: TestServer | undefined
        await waitFor('a server to take the job', async () => {
          claimer = [a, b].find((s) => /Running 1 jobs/.test(s.output()))
          return Boolean(claimer)
        })
        const other = claimer === a ? b : a
        const [job] = await sqlQuery<{ processing: boolean }>(
          db,
          'SELECT processing FROM payload_jobs',
        )
        expect(job.processing).toBe(true)

        await claimer!.stop(signal)
        await blocker.query('COMMIT')

        await waitFor(
          `article ${id} to go live`,
          () => isPublic(new Api(other.url), id),
          60_000,
        ).catch((err: Error) => {
          throw new Error(
            `${err.message}; the other server's log:\n${other.output().slice(-4_000)}`,
          )
        })
        await new Promise((r) => setTimeout(r, 2_000))
        expect((await auditCounts(db, [id]))[id]).toEqual({
          create: 1,
          submit: 1,
          approve: 1,
          schedule: 1,
          publish: 1,
        })
        expect(await sqlQuery(db, 'SELECT id FROM payload_jobs')).toEqual([])
        expect(other.output()).toMatch(
          /was still marked processing after the 4 s lease .*: requeued/,
        )

        // A crash after the publish committed but before the job was marked done leaves the same
        // job to run again: it finds the article published and finishes without a second audit.
        await sqlQuery(
          db,
          "INSERT INTO payload_jobs (input, task_slug, queue) VALUES (?::jsonb, 'publishScheduledArticle', 'default')",
          [JSON.stringify({ articleId: String(id) })],
        )
        await waitFor(
          'the repeated job to finish',
          async () => (await sqlQuery(db, 'SELECT id FROM payload_jobs')).length === 0,
        )
        expect(other.output()).toMatch(new RegExp(`scheduled publish of ${id} skipped`))
        expect((await auditCounts(db, [id]))[id]).toEqual({
          create: 1,
          submit: 1,
          approve: 1,
          schedule: 1,
          publish: 1,
        })
      },
      180_000,
    )
  },
)
