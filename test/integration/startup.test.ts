import { spawnSync } from 'node:child_process'
import net from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { Api, PASSWORD } from '../helpers/api'
import { runServerExpectingFailure, startTestServer } from '../helpers/server'
import { entryArgv } from '@/config/node'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'redaksi-startup-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const lines = (output: string) => output.trim().split('\n').filter(Boolean)

describe('refuses to start on a bad configuration, with one clear line', () => {
  it('unknown DATABASE_URI scheme lists the supported ones', async () => {
    const { code, output } = await runServerExpectingFailure({
      NODE_ENV: 'development',
      DATABASE_URI: 'mysql://localhost/redaksi',
    })
    expect(code).toBe(1)
    expect(lines(output)).toHaveLength(1)
    expect(output).toMatch(/unsupported scheme "mysql:"/)
    expect(output).toMatch(/postgres:\/\//)
    expect(output).toMatch(/mongodb-memory/)
    expect(output).not.toMatch(/\s+at /)
  })

  it('production without PAYLOAD_SECRET', async () => {
    const { code, output } = await runServerExpectingFailure({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: '',
      REDAKSI_LOCAL_START: '',
      DATABASE_URI: `file:${path.join(tmp, 'a.db')}`,
    })
    expect(code).toBe(1)
    expect(lines(output)).toEqual([
      expect.stringMatching(/PAYLOAD_SECRET is required when NODE_ENV=production/),
    ])
  })

  it('production with a placeholder PAYLOAD_SECRET', async () => {
    const { code, output } = await runServerExpectingFailure({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'changeme',
      REDAKSI_LOCAL_START: '',
      DATABASE_URI: `file:${path.join(tmp, 'b.db')}`,
    })
    expect(code).toBe(1)
    expect(output).toMatch(/PAYLOAD_SECRET is a placeholder/)
  })

  it('unreachable Postgres', async () => {
    const { code, output } = await runServerExpectingFailure({
      NODE_ENV: 'development',
      DATABASE_URI: 'postgres://redaksi:s3cret@127.0.0.1:1/redaksi',
    })
    expect(code).toBe(1)
    expect(lines(output)).toHaveLength(1)
    expect(output).toMatch(
      /cannot reach the Postgres database at postgres:\/\/redaksi:\*\*\*@127\.0\.0\.1:1\/redaksi/,
    )
    expect(output).not.toContain('s3cret')
  })

  it('mongodb-memory without a mongod binary names MONGOMS_SYSTEM_BINARY', async () => {
    const { code, output } = await runServerExpectingFailure(
      {
        NODE_ENV: 'development',
        DATABASE_URI: 'mongodb-memory',
        MONGOMS_SYSTEM_BINARY: path.join(tmp, 'no-such-mongod'),
        MONGOMS_START_TIMEOUT_MS: '20000',
      },
      90_000,
    )
    expect(code).toBe(1)
    expect(output).toMatch(/MONGOMS_SYSTEM_BINARY/)
    expect(lines(output).filter((l) => /MONGOMS_SYSTEM_BINARY/.test(l))).toHaveLength(1)
  })

  it('a port already in use', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const { code, output } = await runServerExpectingFailure({
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URI: `file:${path.join(tmp, 'c.db')}`,
      })
      expect(code).toBe(1)
      expect(lines(output)).toEqual([
        `redaksi: port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT`,
      ])
    } finally {
      blocker.close()
    }
  })
})

describe('production start on an empty database', () => {
  it('applies the committed migrations, then an admin can log in', async () => {
    const server = await startTestServer({
      databaseUri: `file:${path.join(tmp, 'fresh.db')}`,
      env: {
        REDAKSI_LOCAL_START: '',
        PAYLOAD_SECRET: 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8),
      },
    })
    try {
      const api = new Api(server.url)
      const first = await api.post('/api/editors/first-register', {
        email: 'chief@redaksi.test',
        password: PASSWORD,
        name: 'Chief',
      })
      expect(first.status).toBe(200)
      const token = await api.login('chief@redaksi.test', PASSWORD)
      const me = await api.as(token).get<{ user: { role: string } }>('/api/editors/me')
      expect(me.body.user.role).toBe('admin')
      expect(server.output()).toMatch(/migrat/i)
      // the GraphQL playground is off in production
      const playground = await fetch(`${server.url}/api/graphql-playground`)
      expect(playground.status).toBe(404)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })
})

describe('npm run create-admin', () => {
  const createAdmin = (args: string[], databaseUri: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', DATABASE_URI: databaseUri }
    Reflect.deleteProperty(env, 'NODE_ENV')
    return spawnSync(
      process.execPath,
      entryArgv('production', path.join(process.cwd(), 'src/cli/createAdmin.ts'), ...args),
      { env, encoding: 'utf8', timeout: 60_000 },
    )
  }

  it('creates an admin who can log in, refuses a duplicate (1) and bad usage (2)', async () => {
    const databaseUri = `file:${path.join(tmp, 'admin.db')}`
    const created = createAdmin(
      ['--email', 'Chief@Redaksi.test', '--password', PASSWORD, '--name', 'Chief'],
      databaseUri,
    )
    expect(created.status).toBe(0)
    expect(created.stdout).toMatch(/created admin chief@redaksi\.test/)
    const again = createAdmin(
      ['--email', 'chief@redaksi.test', '--password', PASSWORD],
      databaseUri,
    )
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    const usage = createAdmin(['--email', 'x@y.z'], databaseUri)
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/usage: npm run create-admin/)

    const server = await startTestServer({ databaseUri })
    try {
      const api = new Api(server.url)
      const token = await api.login('chief@redaksi.test', PASSWORD)
      const me = await api
        .as(token)
        .get<{ user: { role: string; name: string } }>('/api/editors/me')
      expect(me.body.user).toMatchObject({ role: 'admin', name: 'Chief' })
    } finally {
      await server.stop()
    }
  })
})
