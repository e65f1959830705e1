import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import { holdExclusiveLock } from '../helpers/sqliteLocker'
import type { TestServer } from '../helpers/server'

type Doc = { id: string | number; title?: string; _status?: string }

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

/** Polls /healthz every `everyMs` until `stop()` is called; returns the slowest answer (ms). */
const watchHealth = (url: string, everyMs = 25) => {
  let slowest = 0
  let failures = 0
  let running = true
  const loop = (async () => {
    while (running) {
      // a refused connection counts as a failure (and never becomes an unhandled rejection when a
      // failed test leaves the watcher running after its server stopped)
      const { ms, value } = await timed(() =>
        fetch(`${url}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      )
      slowest = Math.max(slowest, ms)
      if (value !== 200) failures += 1
      await new Promise((resolve) => setTimeout(resolve, everyMs))
    }
  })()
  return async () => {
    running = false
    await loop
    return { slowest, failures }
  }
}

const outboxMessages = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map((name) => readFileSync(path.join(dir, name), 'utf8'))
  } catch {
    return []
  }
}

describe.each(TEST_DATABASES)('availability on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  const outbox = mkdtempSync(path.join(os.tmpdir(), 'redaksi-outbox-'))

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: { EMAIL_OUTBOX_DIR: outbox, DB_LOCK_WAIT_MS: '1500' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
  })

  afterAll(async () => {
    await server?.stop('SIGTERM')
    await db?.drop()
    rmSync(outbox, { recursive: true, force: true })
  })

  it('answers forgot-password within a second for known, unknown and malformed emails, without stalling /healthz', async () => {
    const stopWatch = watchHealth(server.url)
    const emails = [
      'editor@redaksi.test',
      'nobody@redaksi.test',
      'not an email',
      'EDITOR2@redaksi.test',
    ]
    const results = await Promise.all(
      emails.map((email) =>
        timed(() =>
          fetch(`${server.url}/api/editors/forgot-password`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email }),
          }).then(async (res) => ({ status: res.status, body: await res.text() })),
        ),
      ),
    )
    const health = await stopWatch()
    for (const [i, { ms, value }] of results.entries()) {
      expect(value.status, `${emails[i]}: ${value.body}`).toBe(200)
      expect(ms, emails[i]).toBeLessThan(1_000)
    }
    // the same answer whether or not the account exists (no enumeration)
    expect(new Set(results.map((r) => r.value.body)).size).toBe(1)
    expect(health.failures).toBe(0)
    expect(health.slowest).toBeLessThan(400)
  })

  it('also answers the GraphQL forgotPasswordEditor mutation quickly', async () => {
    const { ms, value } = await timed(() =>
      api.graphql<{ forgotPasswordEditor: boolean }>(
        'mutation { forgotPasswordEditor(email: "contributor@redaksi.test") }',
      ),
    )
    expect(value.status).toBe(200)
    expect(value.body.errors).toBeUndefined()
    expect(value.body.data?.forgotPasswordEditor).toBe(true)
    expect(ms).toBeLessThan(1_000)
  })

  it('resets a password end to end through the mail outbox', async () => {
    const before = outboxMessages(outbox).length
    const res = await api.post('/api/editors/forgot-password', { email: 'editor2@redaksi.test' })
    // editor2 asked a moment ago (rate limited per account): answered the same way, no new mail
    expect(res.status).toBe(200)
    const mails = outboxMessages(outbox)
    const mail = mails.find((m) => /^To: .*editor2@redaksi\.test/im.test(m))
    expect(mail, `outbox had ${mails.length} mails (before: ${before})`).toBeTruthy()
    expect(mails.some((m) => /nobody@redaksi\.test/.test(m))).toBe(false)
    const token = /reset\/([a-f0-9]{40})/.exec(mail!.replace(/=\r?\n/g, ''))?.[1]
    expect(token).toMatch(/^[a-f0-9]{40}$/)
    const reset = await api.post('/api/editors/reset-password', {
      token,
      password: 'a brand new passphrase',
    })
    expect(reset.status).toBe(200)
    await expect(api.login('editor2@redaksi.test', PASSWORD)).rejects.toThrow(/login failed/)
    expect(await api.login('editor2@redaksi.test', 'a brand new passphrase')).toMatch(/\S+/)
    // the token is single-use
    const again = await api.post('/api/editors/reset-password', { token, password: 'x'.repeat(20) })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
  })

  it('keeps writing and logging in after forgot-password traffic', async () => {
    for (let i = 0; i < 3; i++) {
      await api.post('/api/editors/forgot-password', { email: 'admin@redaksi.test' })
    }
    const created = await api
      .as(tokens.editor)
      .post<{ doc: Doc }>('/api/articles', { title: `After reset traffic (${kind})` })
    expect(created.status).toBe(201)
    expect(await api.login('admin@redaksi.test', PASSWORD)).toMatch(/\S+/)
  })

  if (kind === 'postgres') {
    it('bounds a wait for a lock held by another session: /healthz fast, a clear 503, then recovers', async () => {
      const editorApi = api.as(tokens.editor)
      const created = await editorApi.post<{ doc: Doc }>('/api/articles', {
        title: 'PG lock victim',
      })
      expect(created.status).toBe(201)
      const id = created.body.doc.id
      const other = new pg.Client({ connectionString: db.uri })
      await other.connect()
      await other.query('BEGIN')
      await other.query('LOCK TABLE articles IN ACCESS EXCLUSIVE MODE')
      const stopWatch = watchHealth(server.url, 20)
      try {
        const write = await timed(() =>
          editorApi.patch<{ errors?: { message: string }[] }>(`/api/articles/${id}?draft=true`, {
            title: 'Edited under lock',
          }),
        )
        expect(write.value.status).toBe(503)
        expect(write.value.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(JSON.stringify(write.value.body)).toMatch(/busy/i)
        expect(write.ms).toBeLessThan(5_000)
      } finally {
        await other.query('ROLLBACK')
        await other.end()
      }
      const health = await stopWatch()
      expect(health.failures).toBe(0)
      expect(health.slowest).toBeLessThan(400)
      const after = await editorApi.patch<{ doc: Doc }>(`/api/articles/${id}?draft=true`, {
        title: 'Edited after the lock',
      })
      expect(after.status).toBe(200)
    })
  }

  if (kind !== 'sqlite') return

  const dbFile = () => db.uri.replace(/^file:/, '')

  const checkpoint = () => {
    const conn = new Database(dbFile())
    try {
      conn.exec('PRAGMA busy_timeout = 0')
      const row = conn.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw(true).all()[0] as number[]
      return { busy: row[0], log: row[1], checkpointed: row[2] }
    } finally {
      conn.close()
    }
  }

  it('holds no snapshot open after requests end: WAL checkpoints keep up', async () => {
    for (let i = 0; i < 3; i++) {
      await api.post('/api/editors/forgot-password', { email: 'editor@redaksi.test' })
      await api.post('/api/editors/forgot-password', { email: 'nobody@redaksi.test' })
    }
    await api.get('/api/articles?limit=5')
    await api.as(tokens.editor).get('/api/articles?limit=5')
    await api.as(tokens.editor).post('/api/articles', { title: 'Checkpoint probe' })
    await api.login('admin@redaksi.test', 'wrong password').catch(() => undefined)
    const result = checkpoint()
    expect(result.busy).toBe(0)
    expect(result.log).toBeGreaterThan(0)
    expect(result.checkpointed).toBe(result.log)
  })

  it('survives an external exclusive lock: /healthz fast, /readyz 503 in time, writes fail clearly, then recovers', async () => {
    const editorApi = api.as(tokens.editor)
    const created = await editorApi.post<{ doc: Doc }>('/api/articles', { title: 'Lock victim' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    // another process (the sqlite3 CLI) takes the write lock until the end of this block
    const lock = await holdExclusiveLock(dbFile(), 5_000)
    expect(lock.stderr(), 'sqlite3 could not take the lock').toBe('')
    const stopWatch = watchHealth(server.url, 20)
    try {
      const ready = await timed(() =>
        fetch(`${server.url}/readyz`).then(async (r) => ({
          status: r.status,
          body: await r.json(),
        })),
      )
      expect(ready.value.status).toBe(503)
      expect(ready.ms).toBeLessThan(2_500)

      const write = await timed(() =>
        editorApi.patch<{ errors?: { message: string }[] }>(`/api/articles/${id}?draft=true`, {
          title: 'Edited under lock',
        }),
      )
      expect(write.value.status).toBe(503)
      expect(write.value.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(JSON.stringify(write.value.body)).toMatch(/busy|locked/i)
      expect(write.ms).toBeLessThan(5_000)

      // reads keep working while another process writes
      const read = await timed(() => editorApi.get<{ docs: Doc[] }>('/api/articles?limit=5'))
      expect(read.value.status).toBe(200)
      expect(read.ms).toBeLessThan(1_000)
    } finally {
      await lock.release()
    }
    const health = await stopWatch()
    expect(health.failures).toBe(0)
    expect(health.slowest).toBeLessThan(400)

    // recovers by itself
    const ready = await api.get('/readyz')
    expect(ready.status).toBe(200)
    const write = await editorApi.patch<{ doc: Doc }>(`/api/articles/${id}?draft=true`, {
      title: 'Edited after the lock',
    })
    expect(write.status).toBe(200)
    const read = await editorApi.get<Doc>(`/api/articles/${id}?draft=true`)
    expect(read.body.title).toBe('Edited after the lock')
  })

  it('turns /readyz 503 and refuses writes when the database file is removed under it', async () => {
    const file = dbFile()
    const inode = statSync(file).ino
    rmSync(file)
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
    const ready = await timed(() => fetch(`${server.url}/readyz`))
    expect(ready.value.status).toBe(503)
    expect(ready.ms).toBeLessThan(2_500)
    const write = await api.as(tokens.editor).post('/api/articles', { title: 'Into the void' })
    expect(write.status).toBe(503)
    // nothing recreated an empty database in its place
    expect(() => statSync(file)).toThrow()
    expect(inode).toBeGreaterThan(0)
  })
})
