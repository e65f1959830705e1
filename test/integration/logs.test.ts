import { createClient } from '@libsql/client'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/** Log lines (ANSI colours removed) written since `from` characters of output. */
const linesSince = (server: TestServer, from: number): string[] =>
  server
    .output()
    .slice(from)
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')

const waitForOutput = async (server: TestServer, from: number, pattern: RegExp) => {
  const deadline = Date.now() + 5_000
  while (!pattern.test(linesSince(server, from).join('\n')) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
  }
}

const TRIGGER_REASON = 'refused by the test trigger'

/** Makes every insert into editors fail inside the database, as a real constraint would. */
const addFailingTrigger = async (db: TestDatabase) => {
  if (db.kind === 'sqlite') {
    const client = createClient({ url: db.uri })
    await client.execute(
      `CREATE TRIGGER test_refuse_editor BEFORE INSERT ON editors BEGIN SELECT RAISE(ABORT, '${TRIGGER_REASON}'); END`,
    )
    client.close()
    return
  }
  const client = new pg.Client({ connectionString: db.uri })
  await client.connect()
  await client.query(
    `CREATE FUNCTION test_refuse_editor() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${TRIGGER_REASON}'; END $$`,
  )
  await client.query(
    'CREATE TRIGGER test_refuse_editor BEFORE INSERT ON editors FOR EACH ROW EXECUTE FUNCTION test_refuse_editor()',
  )
  await client.end()
}

describe.each(TEST_DATABASES)('server logs on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let admin: string

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri, env: { JOBS_AUTORUN: 'false' } })
    api = new Api(server.url)
    admin = (await bootstrapAccounts(api)).admin
  })

  afterAll(async () => {
    await server?.stop('SIGTERM')
    await db?.drop()
  })

  it('logs a failed login as one INFO line without a stack', async () => {
    const from = server.output().length
    const res = await api.post('/api/editors/login', {
      email: 'editor@redaksi.test',
      password: 'not the password',
    })
    expect(res.status).toBe(401)
    await waitForOutput(server, from, /incorrect/)
    const lines = linesSince(server, from)
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(lines[0]).toMatch(/INFO.*The email or password provided is incorrect/)
    expect(lines.join('\n')).not.toMatch(/ERROR|AuthenticationError|\n\s+at /)
    expect(lines.join('\n')).not.toContain('not the password')
  })

  it('logs a failed GraphQL login as one INFO line without a stack', async () => {
    const from = server.output().length
    const res = await api.graphql(
      'mutation { loginEditor(email: "editor@redaksi.test", password: "still not it") { token } }',
    )
    expect(res.status).toBe(200)
    expect(res.body.errors?.[0].message).toMatch(/incorrect/)
    await waitForOutput(server, from, /incorrect/)
    const lines = linesSince(server, from)
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(lines[0]).toMatch(/INFO.*The email or password provided is incorrect/)
    expect(lines.join('\n')).not.toMatch(/ERROR|GraphQLError|\n\s+at /)
  })

  it('logs a failed SQL statement with the database’s reason and no parameter values', async () => {
    await addFailingTrigger(db)
    const from = server.output().length
    const secretEmail = 'leaky.secret.person@example.com'
    const secretName = 'Rahasia Pribadi Sekali'
    const res = await api.as(admin).post('/api/editors', {
      email: secretEmail,
      password: PASSWORD,
      name: secretName,
      role: 'contributor',
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    await waitForOutput(server, from, new RegExp(TRIGGER_REASON))
    const text = linesSince(server, from).join('\n')
    // the cause is kept ...
    expect(text).toContain(TRIGGER_REASON)
    expect(text).toMatch(/insert into "?editors"? failed/)
    // ... the statement's values are not
    expect(text).not.toContain(secretEmail)
    expect(text).not.toContain(secretName)
    expect(text).not.toMatch(/params:|Failed query: insert/)
  })
})
