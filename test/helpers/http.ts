import http from 'node:http'

/** A raw HTTP request for security tests: chosen client address, cookies, Origin, any body. */
export interface RawRequest {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Bind the client socket here (e.g. 127.0.0.2: a second loopback client). */
  localAddress?: string
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  json: <T = Record<string, unknown>>() => T
  ms: number
}

export const raw = (url: string, options: RawRequest = {}): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const body = options.body
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
          ...options.headers,
        },
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
            ms: performance.now() - started,
          })
        })
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })

export const postJson = (url: string, data: unknown, options: RawRequest = {}) =>
  raw(url, {
    method: 'POST',
    ...options,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: JSON.stringify(data),
  })

/** The payload-token cookie from a login response. */
export const tokenCookie = (res: RawResponse): string => {
  const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))
  if (!cookie) throw new Error(`no payload-token cookie in ${res.status} ${res.text}`)
  return cookie.split(';')[0]
}
