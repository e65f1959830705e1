import { createHmac } from 'node:crypto'

import { jwtSign } from 'payload'
import { describe, expect, it } from 'vitest'

import { isConfigError } from '@/config/errors'
import { resolveRateLimits } from '@/config/rateLimits'
import { corsAllowlist } from '@/security/origins'
import {
  generateApiKey,
  keyFingerprint,
  keyHint,
  keyIndex,
  presentedKey,
} from '@/features/apiClients/keys'
import { canReadDrafts, roleOf } from '@/access/roles'
import { isSignedLoginToken } from '@/server/api/rateLimits'

describe('API keys', () => {
  it('are 256-bit random, prefixed, and hinted by their first characters only', () => {
    const a = generateApiKey()
    const b = generateApiKey()
    expect(a).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    expect(keyHint(a)).toBe(`${a.slice(0, 8)}…`)
    expect(keyFingerprint(a)).not.toContain(a.slice(4, 12))
    expect(keyIndex('s', a)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads the Authorization header: none, malformed or a key', () => {
    const key = generateApiKey()
    expect(presentedKey(undefined)).toEqual({ kind: 'none' })
    expect(presentedKey('JWT abc')).toEqual({ kind: 'none' })
    expect(presentedKey('editors API-Key abc')).toEqual({ kind: 'none' })
    expect(presentedKey(`api-clients API-Key ${key}`)).toEqual({ kind: 'key', key })
    for (const bad of [
      'api-clients',
      'api-clients API-Key ',
      'api-clients API-Key short',
      `api-clients Bearer ${key}`,
      `API-CLIENTS api-key ${key}`,
      `api-clients API-Key ${key}x`,
      `api-clients API-Key ${key} ${key}`,
      `api-clients API-Key ${'a'.repeat(10_000)}`,
      `api-clients API-Key rdk_${'é'.repeat(43)}`,
    ]) {
      expect(presentedKey(bad), bad.slice(0, 40)).toEqual({ kind: 'malformed' })
    }
  })

  it('an API client is never staff; only a preview-scoped, enabled client reads drafts', () => {
    const client = (scope: string, enabled = true) => ({
      user: { id: 1, collection: 'api-clients', scope, enabled, role: 'admin' },
    })
    expect(roleOf(client('preview') as never)).toBeNull()
    expect(canReadDrafts(client('preview') as never)).toBe(true)
    expect(canReadDrafts(client('published') as never)).toBe(false)
    expect(canReadDrafts(client('preview', false) as never)).toBe(false)
    expect(canReadDrafts({ user: null })).toBe(false)
  })
})

describe('rate-limit and CORS settings', () => {
  it('defaults, and a bad value stops the server with the variable named', () => {
    expect(resolveRateLimits({})).toEqual({
      windowMs: 60_000,
      anonymous: 300,
      apiClient: 3000,
      login: 30,
      badKey: 30,
    })
    for (const [name, value] of [
      ['RATE_LIMIT_ANONYMOUS', 'many'],
      ['RATE_LIMIT_API_CLIENT', '0'],
      ['RATE_LIMIT_LOGIN', '-1'],
      ['RATE_LIMIT_WINDOW_MS', '10'],
      ['RATE_LIMIT_BAD_KEY', '1.5'],
    ]) {
      let error: unknown
      try {
        resolveRateLimits({ [name]: value })
      } catch (err) {
        error = err
      }
      expect(isConfigError(error), name).toBe(true)
      expect((error as Error).message).toContain(name)
    }
  })

  it('CORS_ORIGINS: unset means same origin only; entries are normalised origins', () => {
    expect(corsAllowlist(undefined).size).toBe(0)
    expect([
      ...corsAllowlist('https://site.example/, http://localhost:4000/x, nonsense, ftp://x'),
    ]).toEqual(['https://site.example', 'http://localhost:4000'])
  })
})

describe('staff login tokens (rate-limit buckets)', () => {
  const secret = 'a'.repeat(32)
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const sign = (header: object, claims: object, key = secret) => {
    const body = `${b64(header)}.${b64(claims)}`
    return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
  }

  it('accepts a token Payload signed with the secret, refuses forged, tampered, expired and alg-none ones', async () => {
    const { token } = await jwtSign({
      fieldsToSign: { id: 1, collection: 'editors', email: 'e@x' },
      secret,
      tokenExpiration: 3600,
    })
    expect(isSignedLoginToken(token, secret)).toBe(true)
    expect(isSignedLoginToken(token, 'b'.repeat(32))).toBe(false)
    const future = Math.floor(Date.now() / 1000) + 60
    expect(isSignedLoginToken(sign({ alg: 'HS256' }, { exp: future }), secret)).toBe(true)
    expect(isSignedLoginToken(sign({ alg: 'HS256' }, { exp: future }, 'other'), secret)).toBe(false)
    expect(isSignedLoginToken(sign({ alg: 'HS256' }, { exp: 1 }), secret)).toBe(false)
    expect(isSignedLoginToken(sign({ alg: 'none' }, { exp: future }), secret)).toBe(false)
    const [h, , sig] = token.split('.')
    expect(isSignedLoginToken(`${h}.${b64({ id: 2 })}.${sig}`, secret)).toBe(false)
    for (const junk of ['', 'a.b', 'a.b.c', '...', 'x'.repeat(5000)]) {
      expect(isSignedLoginToken(junk, secret)).toBe(false)
    }
  })
})
