import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

import { checkAddress, guardedLookup, parseWebhookUrl, targetOf, WebhookUrlError } from './ssrf'

/** At most this much of a receiver's response is read; the rest is dropped with the socket. */
export const RESPONSE_BYTES_CAP = 64 * 1024

export interface PostResult {
  /** HTTP status, when a response arrived. */
  status: number | null
  durationMs: number
  /** Short, secret-free reason for a failure without a usable status. */
  error: string | null
  /** Retry-After of a 429/503, in ms (seconds or an HTTP date). */
  retryAfterMs: number | null
  /** The URL was refused by the SSRF guard (never retried). */
  blocked: boolean
}

const parseRetryAfter = (raw: string | string[] | undefined, now: number): number | null => {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * POSTs `body` to `rawUrl` once: no redirects followed (a 3xx is the answer), the SSRF guard on
 * the address actually connected to, the whole exchange bounded by `timeoutMs`, and at most
 * RESPONSE_BYTES_CAP bytes of the response read.
 */
export const postWebhook = (
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> => {
  const started = Date.now()
  const done = (partial: Partial<PostResult>): PostResult => ({
    status: null,
    error: null,
    retryAfterMs: null,
    blocked: false,
    ...partial,
    durationMs: Date.now() - started,
  })
  let url: URL
  try {
    url = parseWebhookUrl(rawUrl)
    const { host, port } = targetOf(url)
    if (net.isIP(host)) checkAddress(host, port)
  } catch (err) {
    return Promise.resolve(
      done({ error: err instanceof WebhookUrlError ? err.message : 'invalid URL', blocked: true }),
    )
  }
  const { port } = targetOf(url)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: PostResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const request = client.request(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(port) as unknown as net.LookupFunction,
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        'User-Agent': 'Redaksi-Webhooks/1',
      },
    })
    const timer = setTimeout(() => {
      request.destroy()
      finish(done({ error: `timed out after ${timeoutMs} ms` }))
    }, timeoutMs)
    request.on('error', (err: NodeJS.ErrnoException) => {
      const blocked = err.code === 'EWEBHOOKBLOCKED'
      finish(
        done({
          error: blocked
            ? err.message
            : `${err.code ?? 'network error'}: ${err.message}`.slice(0, 200),
          blocked,
        }),
      )
    })
    request.on('response', (response) => {
      const status = response.statusCode ?? 0
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now())
      let read = 0
      const complete = () => {
        request.destroy()
        finish(done({ status, retryAfterMs }))
      }
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read >= RESPONSE_BYTES_CAP) complete()
      })
      response.on('end', complete)
      response.on('error', complete)
    })
    request.end(body)
  })
}
