import { createHmac, timingSafeEqual } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { ConfigError } from '@/config/errors'
import { readWebhookSettings } from '@/config/webhooks'
import { eventForSave } from '@/features/webhooks/hooks/articleEvents'
import { postWebhook } from '@/features/webhooks/http'
import { classifyAddress, parseWebhookUrl, validateWebhookUrl } from '@/features/webhooks/ssrf'
import { generateSecret, signPayload } from '@/features/webhooks/sign'
import { isRetryable, MAX_RETRY_DELAY_MS, retryDelayMs } from '@/features/webhooks/task'

describe('webhook signature', () => {
  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">', () => {
    const body = '{"event":"article.published"}'
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex')
    expect(signPayload('whsec_test', '1700000000', body)).toBe(`sha256=${expected}`)
  })

  it('changes with the timestamp, the body and the secret', () => {
    const base = signPayload('s1', '1', 'b')
    expect(signPayload('s2', '1', 'b')).not.toBe(base)
    expect(signPayload('s1', '2', 'b')).not.toBe(base)
    expect(signPayload('s1', '1', 'c')).not.toBe(base)
  })

  it('verifies with a constant-time compare as in the README', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const body = '{"a":1}'
    const header = signPayload(secret, '42', body)
    const mine = Buffer.from(
      `sha256=${createHmac('sha256', secret).update(`42.${body}`).digest('hex')}`,
    )
    expect(timingSafeEqual(mine, Buffer.from(header))).toBe(true)
  })
})

describe('SSRF address classes', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'],
    ['127.5.6.7', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['::1', 'private'],
    ['fd00::1', 'private'],
    ['fc00::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:7f00:1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'forbidden'],
    ['169.254.169.254', 'forbidden'],
    ['169.254.1.1', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['::ffff:a9fe:a9fe', 'forbidden'],
    ['fd00:ec2::254', 'forbidden'],
    ['fe80::1', 'forbidden'],
    ['0.0.0.0', 'forbidden'],
    ['0.1.2.3', 'forbidden'],
    ['::', 'forbidden'],
    ['224.0.0.1', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['ff02::1', 'forbidden'],
    ['not-an-ip', 'forbidden'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind)
  })
})

describe('webhook URL check', () => {
  it.each([
    ['ftp://example.com/hook', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['gopher://127.0.0.1:25/', /http or https/],
    ['http://user:pass@example.com/', /user name or password/],
    ['not a url', /Not a valid URL/],
    ['', /required/],
    [`https://example.com/${'a'.repeat(2100)}`, /too long/],
  ])('refuses %s', (url, message) => {
    expect(() => parseWebhookUrl(url)).toThrow(message)
  })

  it.each([
    'http://127.0.0.1:9/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://192.168.0.10/',
    'http://172.20.1.1/',
    'http://localhost:8080/',
  ])('refuses the private address %s without WEBHOOKS_ALLOW_PRIVATE', async (url) => {
    await expect(validateWebhookUrl(url)).rejects.toThrow(/WEBHOOKS_ALLOW_PRIVATE=true/)
  })

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://0.0.0.0:8080/',
    'http://0/',
    'http://[::]/',
    'http://[::ffff:169.254.169.254]/',
    'http://2852039166/',
  ])('refuses the link-local/metadata/unspecified address %s always', async (url) => {
    await expect(validateWebhookUrl(url)).rejects.toThrow(/link-local, metadata/)
  })

  it('refuses a host that does not resolve', async () => {
    await expect(validateWebhookUrl('https://no-such-host.invalid/hook')).rejects.toThrow(
      /could not be resolved/,
    )
  })
})

describe('retry policy', () => {
  it('doubles from the base delay and caps at an hour', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, null))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ])
    expect(retryDelayMs(30, 60_000, null)).toBe(MAX_RETRY_DELAY_MS)
  })

  it('honours Retry-After within reason', () => {
    expect(retryDelayMs(1, 1000, 30_000)).toBe(30_000)
    expect(retryDelayMs(3, 10_000, 5_000)).toBe(40_000)
    expect(retryDelayMs(1, 1000, 10 * 24 * 3600_000)).toBe(MAX_RETRY_DELAY_MS)
  })

  const result = (status: number | null, blocked = false) => ({
    status,
    blocked,
    durationMs: 1,
    error: status === null ? 'ECONNREFUSED' : null,
    retryAfterMs: null,
  })

  it.each([
    [null, true],
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [400, false],
    [401, false],
    [404, false],
    [410, false],
    [301, false],
    [200, false],
  ])('status %s retryable: %s', (status, retry) => {
    expect(isRetryable(result(status))).toBe(retry)
  })

  it('never retries a URL the SSRF guard refused', () => {
    expect(isRetryable(result(null, true))).toBe(false)
  })
})

describe('events from article saves', () => {
  const s = (workflowStatus: string, _status: 'draft' | 'published', publishAt?: string) =>
    ({ workflowStatus, _status, publishAt }) as never
  it.each([
    [s('approved', 'draft'), s('published', 'published'), 'article.published'],
    [s('scheduled', 'draft', 'x'), s('published', 'published'), 'article.published'],
    [s('in_review', 'draft'), s('published', 'published'), 'article.published'],
    [s('published', 'published'), s('published', 'published'), 'article.updated'],
    [s('published', 'draft'), s('published', 'published'), 'article.updated'],
    [s('published', 'published'), s('unpublished', 'draft'), 'article.unpublished'],
    [s('approved', 'draft'), s('scheduled', 'draft', 'a'), 'article.scheduled'],
    [s('scheduled', 'draft', 'a'), s('scheduled', 'draft', 'b'), 'article.scheduled'],
    [s('scheduled', 'draft', 'a'), s('scheduled', 'draft', 'a'), null],
    [s('published', 'published'), s('published', 'draft'), null],
    [s('draft', 'draft'), s('in_review', 'draft'), null],
    [s('in_review', 'draft'), s('approved', 'draft'), null],
    [s('scheduled', 'draft', 'a'), s('approved', 'draft'), null],
  ])('%o → %o is %s', (before, after, event) => {
    expect(eventForSave(before, after)).toBe(event)
  })
})

describe('webhook settings', () => {
  it('has defaults: ≥ 5 tries, a 10 s timeout, private addresses refused', () => {
    const settings = readWebhookSettings({})
    expect(settings.allowPrivate).toBe(false)
    expect(settings.maxAttempts).toBeGreaterThanOrEqual(5)
    expect(settings.timeoutMs).toBe(10_000)
  })

  it.each([
    [{ WEBHOOKS_ALLOW_PRIVATE: 'yes' }, 'WEBHOOKS_ALLOW_PRIVATE'],
    [{ WEBHOOKS_MAX_ATTEMPTS: '3' }, 'WEBHOOKS_MAX_ATTEMPTS'],
    [{ WEBHOOKS_TIMEOUT_MS: '60000' }, 'WEBHOOKS_TIMEOUT_MS'],
    [{ WEBHOOKS_RETRY_BASE_MS: 'soon' }, 'WEBHOOKS_RETRY_BASE_MS'],
    [{ WEBHOOKS_POLL_SECONDS: '0' }, 'WEBHOOKS_POLL_SECONDS'],
    [{ WEBHOOKS_ALLOW_PRIVATE: 'true', NODE_ENV: 'production' }, 'WEBHOOKS_ALLOW_PRIVATE'],
  ])('refuses %o naming %s', (env, name) => {
    let error: unknown
    try {
      readWebhookSettings(env)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).code).toBe(name)
  })

  it('allows private addresses in production only when confirmed, and locally', () => {
    expect(
      readWebhookSettings({
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        WEBHOOKS_ALLOW_PRIVATE_IN_PRODUCTION: 'true',
        NODE_ENV: 'production',
      }).allowPrivate,
    ).toBe(true)
    expect(
      readWebhookSettings({
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        NODE_ENV: 'production',
        REDAKSI_LOCAL_START: '1',
      }).allowPrivate,
    ).toBe(true)
  })
})

describe('delivery-time SSRF check (the address actually connected to)', () => {
  it('refuses a host name that resolves to loopback when connecting, without sending', async () => {
    const { createServer } = await import('node:http')
    let hits = 0
    const server = createServer((_req, res) => {
      hits++
      res.end('ok')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      // `localhost` passes the syntax check; the lookup at connect time sees 127.0.0.1
      const result = await postWebhook(`http://localhost:${port}/hook`, '{}', {}, 2_000)
      expect(result.blocked).toBe(true)
      expect(result.status).toBeNull()
      expect(result.error).toMatch(/loopback or private-network address/)
      // an IP literal is checked before connecting
      const literal = await postWebhook(`http://127.0.0.1:${port}/hook`, '{}', {}, 2_000)
      expect(literal.blocked).toBe(true)
      const metadata = await postWebhook(
        'http://169.254.169.254/latest/meta-data/',
        '{}',
        {},
        2_000,
      )
      expect(metadata.blocked).toBe(true)
      expect(metadata.error).toMatch(/link-local, metadata/)
      expect(hits).toBe(0)
    } finally {
      server.close()
    }
  })
})
