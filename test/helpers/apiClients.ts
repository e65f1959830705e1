import { Api } from './api'
import type { ApiResponse } from './api'

/** An Api that sends a fixed Authorization header (an API key, or anything a test wants to try). */
export class HeaderApi extends Api {
  constructor(
    baseUrl: string,
    readonly authorization: string | null,
  ) {
    super(baseUrl, null)
  }

  override async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (this.authorization) headers.Authorization = this.authorization
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }
}

export const keyHeader = (key: string) => `api-clients API-Key ${key}`

export type IssuedClient = { id: number | string; key: string; api: HeaderApi }

/** An admin creates an API client and issues its key (the only time the key is seen). */
export const issueClient = async (
  admin: Api,
  name: string,
  scope: 'published' | 'preview',
): Promise<IssuedClient> => {
  const created = await admin.post<{ doc?: { id: number | string }; errors?: unknown }>(
    '/api/api-clients',
    { name, scope },
  )
  if (created.status !== 201 || !created.body.doc) {
    throw new Error(
      `creating client ${name} failed: ${created.status} ${JSON.stringify(created.body)}`,
    )
  }
  const id = created.body.doc.id
  const issued = await admin.post<{ key?: string }>(`/api/api-clients/${id}/key`)
  if (issued.status !== 201 || !issued.body.key) {
    throw new Error(
      `issuing a key for ${name} failed: ${issued.status} ${JSON.stringify(issued.body)}`,
    )
  }
  return { id, key: issued.body.key, api: new HeaderApi(admin.baseUrl, keyHeader(issued.body.key)) }
}
