/** A tiny REST/GraphQL client for tests that talk to the real server over HTTP. */
export interface ApiResponse<T = unknown> {
  status: number
  body: T
  headers: Headers
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string | null): Api {
    return new Api(this.baseUrl, token)
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (this.token) headers.Authorization = `JWT ${this.token}`
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

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body)
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body)
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path)
  }

  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) {
    return this.request<{ data?: T; errors?: { message: string }[] }>('POST', '/api/graphql', {
      query,
      variables,
    })
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.post<{ token?: string; errors?: unknown }>('/api/editors/login', {
      email,
      password,
    })
    if (res.status !== 200 || !res.body.token) {
      throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return res.body.token
  }
}

export const PASSWORD = 'correct horse battery staple'

/** Creates the first admin on an empty database and accounts for each role; returns their tokens. */
export const bootstrapAccounts = async (
  api: Api,
  options: { adminExists?: boolean } = {},
): Promise<{
  admin: string
  editor: string
  editor2: string
  contributor: string
  ids: Record<string, string | number>
}> => {
  if (!options.adminExists) {
    const first = await api.post('/api/editors/first-register', {
      email: 'admin@redaksi.test',
      password: PASSWORD,
      name: 'Ayu Admin',
    })
    if (first.status !== 200)
      throw new Error(`first-register failed: ${JSON.stringify(first.body)}`)
  }
  const admin = await api.login('admin@redaksi.test', PASSWORD)
  const me = await api
    .as(admin)
    .get<{ user: { id: string | number; role: string } }>('/api/editors/me')
  if (me.body.user.role !== 'admin')
    throw new Error(`the first account is ${me.body.user.role}, not admin`)
  const ids: Record<string, string | number> = { admin: me.body.user.id }
  for (const [key, role, name] of [
    ['editor', 'editor', 'Eko Editor'],
    ['editor2', 'editor', 'Endah Editor'],
    ['contributor', 'contributor', 'Citra Contributor'],
  ] as const) {
    const res = await api.as(admin).post<{ doc?: { id: string | number } }>('/api/editors', {
      email: `${key}@redaksi.test`,
      password: PASSWORD,
      name,
      role,
    })
    if (res.status !== 201) throw new Error(`creating ${key} failed: ${JSON.stringify(res.body)}`)
    ids[key] = res.body.doc!.id
  }
  return {
    admin,
    editor: await api.login('editor@redaksi.test', PASSWORD),
    editor2: await api.login('editor2@redaksi.test', PASSWORD),
    contributor: await api.login('contributor@redaksi.test', PASSWORD),
    ids,
  }
}
