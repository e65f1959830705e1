import { spawnSync } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { Api, bootstrapAccounts, PASSWORD } from '../../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { postJson } from '../../helpers/http'
import { localPayload } from '../../helpers/localPayload'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'
import { entryArgv } from '@/config/node'

const GENERIC = 'The email or password provided is incorrect.'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

describe.each(TEST_DATABASES)('login abuse on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let payload: Payload

  const login = (email: string, password: string, localAddress = '127.0.0.1') =>
    postJson(`${server.url}/api/editors/login`, { email, password }, { localAddress })

  const messageOf = (res: Awaited<ReturnType<typeof login>>) =>
    res.json<{ errors?: { message: string }[] }>().errors?.[0]?.message

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri })
    await bootstrapAccounts(new Api(server.url))
    payload = await localPayload(db.uri)
  })

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await server?.stop()
    await db?.drop()
  })

  it('answers wrong password and unknown account with the same status, message and timing', async () => {
    const known: number[] = []
    const unknown: number[] = []
    // one fresh client address per attempt: the throttle's delays stay out of the measurement
    for (let i = 0; i < 7; i++) {
      const a = await login('editor@redaksi.test', 'wrong password!', `127.0.1.${i + 1}`)
      const b = await login(`nobody${i}@redaksi.test`, 'wrong password!', `127.0.2.${i + 1}`)
      expect(a.status).toBe(401)
      expect(b.status).toBe(401)
      expect(messageOf(a)).toBe(GENERIC)
      expect(messageOf(b)).toBe(GENERIC)
      known.push(a.ms)
      unknown.push(b.ms)
    }
    const k = median(known)
    const u = median(unknown)
    process.stdout.write(
      `[login timing ${kind}] known email median ${k.toFixed(1)} ms (${known.map((m) => m.toFixed(0)).join(', ')}); unknown median ${u.toFixed(1)} ms (${unknown.map((m) => m.toFixed(0)).join(', ')})\n`,
    )
    expect(Math.abs(k - u)).toBeLessThan(Math.max(40, 0.3 * k))
    // and the correct password still works
    expect((await login('editor@redaksi.test', PASSWORD, '127.0.3.1')).status).toBe(200)
  })

  it('throttles one client (429 + Retry-After) without locking the owner out from another client', async () => {
    const statuses: number[] = []
    let throttled: Awaited<ReturnType<typeof login>> | null = null
    for (let i = 0; i < 12; i++) {
      const res = await login('admin@redaksi.test', `guess ${i}`)
      statuses.push(res.status)
      if (res.status === 429) {
        throttled = res
        break
      }
    }
    expect(throttled, `statuses ${statuses.join(',')}`).not.toBeNull()
    expect(Number(throttled!.headers['retry-after'])).toBeGreaterThan(0)
    expect(throttled!.text).toContain('editors.login.throttled')
    // even the right password is held back from the throttled client...
    expect((await login('admin@redaksi.test', PASSWORD)).status).toBe(429)
    // ...but the owner, from another client, signs in
    const owner = await login('admin@redaksi.test', PASSWORD, '127.0.0.2')
    expect(owner.status).toBe(200)
    const row = (await payload.db.findOne({
      collection: 'editors',
      where: { email: { equals: 'admin@redaksi.test' } },
    })) as { lockUntil?: string | null }
    expect(row.lockUntil ?? null).toBeNull()
  })

  it('a locked account answers like a wrong password, and npm run create-admin -- --unlock recovers it', async () => {
    await payload.db.updateOne({
      collection: 'editors',
      where: { email: { equals: 'editor2@redaksi.test' } },
      data: { loginAttempts: 20, lockUntil: new Date(Date.now() + 600_000).toISOString() },
    })
    const locked = await login('editor2@redaksi.test', PASSWORD, '127.0.4.1')
    expect(locked.status).toBe(401)
    expect(messageOf(locked)).toBe(GENERIC)

    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', DATABASE_URI: db.uri }
    Reflect.deleteProperty(env, 'NODE_ENV')
    const cli = spawnSync(
      process.execPath,
      entryArgv(
        'production',
        path.join(process.cwd(), 'src/cli/createAdmin.ts'),
        '--unlock',
        'Editor2@redaksi.test',
      ),
      { env, encoding: 'utf8', timeout: 60_000 },
    )
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.stdout).toMatch(/unlocked editor2@redaksi\.test/)
    expect((await login('editor2@redaksi.test', PASSWORD, '127.0.4.2')).status).toBe(200)

    const unknown = spawnSync(
      process.execPath,
      entryArgv(
        'production',
        path.join(process.cwd(), 'src/cli/createAdmin.ts'),
        '--unlock',
        'nobody@redaksi.test',
      ),
      { env, encoding: 'utf8', timeout: 60_000 },
    )
    expect(unknown.status).toBe(1)
  })
})
