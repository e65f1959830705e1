import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts, PASSWORD } from '../../helpers/api'
import { HeaderApi, issueClient, keyHeader } from '../../helpers/apiClients'
import type { IssuedClient } from '../../helpers/apiClients'
import { createTestDatabase, TEST_DATABASES } from '../../helpers/databases'
import type { TestDatabase } from '../../helpers/databases'
import { raw } from '../../helpers/http'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

/**
 * Rate limits at the edge (express-rate-limit, src/server/api/rateLimits.ts) with small limits:
 * sign-in/password reset per address, reads per address (anonymous) and per key (API clients,
 * higher), refused keys per address; every refusal is 429 with Retry-After. Staff are not counted.
 */
const LIMITS = {
  RATE_LIMIT_WINDOW_MS: '60000',
  RATE_LIMIT_LOGIN: '6',
  RATE_LIMIT_ANONYMOUS: '12',
  RATE_LIMIT_API_CLIENT: '30',
  RATE_LIMIT_BAD_KEY: '3',
}

describe.each(TEST_DATABASES)('rate limits on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let client: IssuedClient

  const expect429 = (res: { status: number; headers: Headers; body: unknown }) => {
    expect(res.status).toBe(429)
    const retry = Number(res.headers.get('retry-after'))
    expect(retry).toBeGreaterThan(0)
    expect(retry).toBeLessThanOrEqual(15 * 60)
    expect(JSON.stringify(res.body)).toMatch(/Too many/)
  }
  const untilLimited = async (caller: Api, max: number) => {
    for (let i = 1; i <= max; i++) {
      const res = await caller.get('/api/articles')
      if (res.status === 429) return { served: i - 1, res }
      expect(res.status).toBe(200)
    }
    return { served: max, res: null }
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({ databaseUri: db.uri, env: LIMITS })
    api = new Api(server.url)
    // first-register and four sign-ins: 4 of the 6 sign-ins, 5 of the 12 anonymous requests
    tokens = await bootstrapAccounts(api)
    client = await issueClient(api.as(tokens.admin), 'Website', 'published')
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('sign-in and forgot-password share a strict per-address limit (every attempt counts)', async () => {
    const forgot = await api.post('/api/editors/forgot-password', { email: 'editor@redaksi.test' })
    expect(forgot.status).toBe(200)
    const wrong = await api.post('/api/editors/login', {
      email: 'editor@redaksi.test',
      password: 'nope',
    })
    expect(wrong.status).toBe(401)
    const limited = await api.post('/api/editors/login', {
      email: 'editor@redaksi.test',
      password: PASSWORD,
    })
    expect429(limited)
    expect(JSON.stringify(limited.body)).not.toContain('token')
    expect429(await api.post('/api/editors/forgot-password', { email: 'editor@redaksi.test' }))
  })

  it('anonymous reads are limited per address; an API client has its own, higher limit; staff are not counted', async () => {
    const anon = await untilLimited(api.as(null), 13)
    expect(anon.res).not.toBeNull()
    expect429(anon.res!)
    expect(anon.served).toBeLessThan(12)
    expect(anon.res!.headers.get('ratelimit')).toBeTruthy()
    // same address, with a key: its own bucket
    const keyed = await untilLimited(client.api, 40)
    expect(keyed.served).toBe(30)
    expect429(keyed.res!)
    // another key from the same address is a different bucket
    const second = await issueClient(api.as(tokens.admin), 'App', 'published')
    expect((await second.api.get('/api/articles')).status).toBe(200)
    // signed-in staff keep working
    expect((await api.as(tokens.editor).get('/api/articles')).status).toBe(200)
    // a forged login token or a garbled cookie does not make a reader staff (and is no 500)
    expect((await api.as('eyJhbGciOiJIUzI1NiJ9.e30.forged').get('/api/articles')).status).toBe(429)
    const garbled = await raw(`${server.url}/api/articles`, {
      headers: { Cookie: 'payload-token=%E0%A4%A' },
    })
    expect(garbled.status).toBe(429)
  })

  it('refused keys are counted per address: after the limit, 429 before any lookup, even for a valid key', async () => {
    const second = await issueClient(api.as(tokens.admin), 'Second', 'preview')
    // valid keys are never counted
    for (let i = 0; i < 5; i++) expect((await second.api.get('/api/authors')).status).toBe(200)
    for (let i = 0; i < 3; i++) {
      const bad = await new HeaderApi(server.url, keyHeader(`rdk_${'C'.repeat(43)}`)).get(
        '/api/authors',
      )
      expect(bad.status).toBe(401)
    }
    expect429(
      await new HeaderApi(server.url, keyHeader(`rdk_${'D'.repeat(43)}`)).get('/api/authors'),
    )
    expect429(await new HeaderApi(server.url, 'api-clients API-Key nope').get('/api/authors'))
    expect429(await second.api.get('/api/authors'))
  })
})
