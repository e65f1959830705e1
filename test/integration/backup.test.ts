import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * `npm run backup` on a live server (writes going on) and `npm run restore` into a fresh database
 * give back the same articles and accounts; a restore never silently overwrites data.
 */

const root = process.cwd()

type Run = { code: number | null; stdout: string; stderr: string }

/** `npm run <script> -- args` as an operator runs it. */
const npmRun = (script: string, databaseUri: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', DATABASE_URI: databaseUri }
    Reflect.deleteProperty(env, 'NODE_ENV')
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

type Article = { id: string | number; title: string; slug: string; workflowStatus: string }

const articles = async (api: Api): Promise<Article[]> => {
  const res = await api.get<{ docs: Article[] }>(
    '/api/articles?limit=1000&depth=0&sort=id&draft=true',
  )
  expect(res.status).toBe(200)
  return res.body.docs.map(({ id, title, slug, workflowStatus }) => ({
    id,
    title,
    slug,
    workflowStatus,
  }))
}

describe.each(TEST_DATABASES)('backup and restore on %s', (kind) => {
  let source: TestDatabase
  let copy: TestDatabase
  let server: TestServer
  let dir: string
  let backupFile: string
  let before: Article[]
  let after: Article[]

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-backup-'))
    source = await createTestDatabase(kind)
    copy = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: source.uri, env: { JOBS_AUTORUN: 'false' } })
    const api = new Api(server.url)
    const { admin, editor } = await bootstrapAccounts(api)
    for (let i = 1; i <= 5; i++) {
      const created = await api.as(editor).post('/api/articles', {
        title: `Berita cadangan nomor ${i}`,
        summary: `Ringkasan ${i}`,
      })
      expect(created.status).toBe(201)
    }
    const submitted = await api
      .as(editor)
      .post(`/api/articles/${(await articles(api.as(admin)))[0].id}/workflow`, { action: 'submit' })
    expect(submitted.status).toBe(200)
    before = await articles(api.as(admin))
    backupFile = path.join(dir, kind === 'sqlite' ? 'redaksi.db' : 'redaksi.dump')

    // the backup runs against the live server while an editor keeps saving
    let writing = true
    const writer = (async () => {
      for (let i = 1; writing && i <= 50; i++) {
        await api.as(editor).post('/api/articles', { title: `Ditulis saat pencadangan ${i}` })
      }
    })()
    const backup = await npmRun('backup', source.uri, [backupFile])
    writing = false
    await writer
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toMatch(/backed up/)
    after = await articles(api.as(admin))
  })

  afterAll(async () => {
    await server?.stop('SIGTERM')
    await source?.drop()
    await copy?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes a backup file while the server runs', () => {
    expect(existsSync(backupFile)).toBe(true)
    expect(statSync(backupFile).size).toBeGreaterThan(1024)
  })

  it('restores into an empty database: same articles, accounts still log in', async () => {
    const restore = await npmRun('restore', copy.uri, [backupFile])
    expect(restore.code, restore.stderr).toBe(0)
    const restored = await startTestServer({
      databaseUri: copy.uri,
      env: { JOBS_AUTORUN: 'false' },
    })
    try {
      const api = new Api(restored.url)
      const admin = await api.login('admin@redaksi.test', PASSWORD)
      const docs = await articles(api.as(admin))
      // a consistent snapshot: every article from before the backup, as it was, plus a prefix of
      // those written during it
      expect(docs.slice(0, before.length)).toEqual(before)
      expect(docs).toEqual(after.slice(0, docs.length))
      expect(await api.login('editor@redaksi.test', PASSWORD)).toBeTruthy()
    } finally {
      expect(await restored.stop('SIGTERM')).toBe(0)
    }
  })

  it('refuses to restore over a database that holds data, and says why', async () => {
    const refused = await npmRun('restore', copy.uri, [backupFile])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /restore failed: the target database .* is not empty \(\d+ tables\)/,
    )
    expect(refused.stderr).toMatch(/--force/)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).not.toContain('postgres:postgres@')
  })

  it('--force replaces the target as a whole', async () => {
    // the target gains an article the backup does not have
    const restored = await startTestServer({
      databaseUri: copy.uri,
      env: { JOBS_AUTORUN: 'false' },
    })
    const api = new Api(restored.url)
    const admin = await api.login('admin@redaksi.test', PASSWORD)
    expect((await api.as(admin).post('/api/articles', { title: 'Hanya di target' })).status).toBe(
      201,
    )
    const withExtra = await articles(api.as(admin))
    expect(await restored.stop('SIGTERM')).toBe(0)

    const forced = await npmRun('restore', copy.uri, ['--force', backupFile])
    expect(forced.code, forced.stderr).toBe(0)
    const again = await startTestServer({ databaseUri: copy.uri, env: { JOBS_AUTORUN: 'false' } })
    try {
      const api2 = new Api(again.url)
      const docs = await articles(api2.as(await api2.login('admin@redaksi.test', PASSWORD)))
      expect(docs.map((d) => d.title)).not.toContain('Hanya di target')
      expect(docs.length).toBe(withExtra.length - 1)
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0)
    }
  })

  it('refuses to overwrite an existing backup file without --force', async () => {
    const again = await npmRun('backup', source.uri, [backupFile])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists.*--force/)
    const forced = await npmRun('backup', source.uri, ['--force', backupFile])
    expect(forced.code, forced.stderr).toBe(0)
  })
})
