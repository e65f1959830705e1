import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

type Id = number | string
type List = {
  totalDocs: number
  docs: { id: Id; title?: string; authors?: ({ name: string } | Id)[] }[]
}

/**
 * The document cache (src/publicCache/documentCache.ts): an anonymous list that is not in the
 * response cache is assembled from cached public documents. The response cache is off here
 * (PUBLIC_CACHE=off) so every request exercises the assembly; Payload's own answer for the same
 * query is the reference (`pagination=true` is Payload's default, and sends the request past
 * the document cache).
 */
describe.each(TEST_DATABASES)('public lists from the document cache on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let url: string
  const authors: Id[] = []
  const published: Id[] = []
  let draftId: Id

  const anonymous = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { headers })
  const reference = (path: string) =>
    anonymous(`${path}${path.includes('?') ? '&' : '?'}pagination=true`)

  const transition = async (id: Id, action: string) => {
    const res = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, { action })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const createArticle = async (title: string, authorIds: Id[], publish: boolean): Promise<Id> => {
    const c = api.as(tokens.contributor)
    const created = await c.post<{ doc: { id: Id } }>('/api/articles?draft=true', {
      title,
      authors: authorIds,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    if (publish) {
      expect((await c.post(`/api/articles/${id}/workflow`, { action: 'submit' })).status).toBe(200)
      await transition(id, 'publish')
    }
    return id
  }

  /** The assembled answer equals Payload's, byte for byte; returns the assembly header. */
  const expectSameAsPayload = async (path: string): Promise<string | null> => {
    const [mine, theirs] = await Promise.all([anonymous(path), reference(path)])
    expect(theirs.headers.get('x-document-cache'), path).toBeNull()
    const [a, b] = await Promise.all([mine.text(), theirs.text()])
    expect(mine.status, `${path}: ${a.slice(0, 300)}`).toBe(theirs.status)
    expect(a, path).toBe(b)
    expect(mine.headers.get('content-type'), path).toBe(theirs.headers.get('content-type'))
    return mine.headers.get('x-document-cache')
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    server = await startTestServer({
      databaseUri: db.uri,
      env: { PUBLIC_CACHE: 'off', RATE_LIMIT_ANONYMOUS: '100000' },
    })
    url = server.url
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
    for (const name of ['Dewi Reporter', 'Bima Reporter']) {
      const res = await api.as(tokens.contributor).post<{ doc: { id: Id } }>('/api/authors', {
        name,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      authors.push(res.body.doc.id)
    }
    for (let i = 0; i < 7; i++) {
      published.push(
        await createArticle(`Story ${i} from the desk`, [authors[i % 2]], /* publish */ true),
      )
    }
    draftId = await createArticle('Draft nobody may see', [authors[0]], false)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it('answers exactly what Payload answers, for every list shape, and from the cache the second time', async () => {
    const paths = [
      '/api/articles',
      '/api/articles?limit=3',
      '/api/articles?limit=3&page=2',
      '/api/articles?limit=3&page=9',
      '/api/articles?limit=20&depth=0',
      '/api/articles?limit=20&depth=1',
      '/api/articles?limit=20&depth=2',
      '/api/articles?limit=20&depth=9',
      '/api/articles?limit=1000',
      '/api/articles?sort=title&limit=4',
      '/api/articles?sort=-publishedAt&limit=4&depth=1',
      `/api/articles?where[authors][in]=${authors[1]}&depth=1`,
      '/api/articles?where[title][like]=Story 3',
      '/api/articles?where[slug][equals]=story-2-from-the-desk&limit=1',
      '/api/articles?where[or][0][title][like]=Story 1&where[or][1][title][like]=Story 5',
      '/api/articles?limit=5&locale=id',
      '/api/authors?depth=1',
      '/api/authors?limit=1&page=2',
      '/api/media',
    ]
    for (const path of paths) {
      const first = await expectSameAsPayload(path)
      expect(first, path).toMatch(/^\d+\/\d+$/)
      const second = await expectSameAsPayload(path)
      const [hits, total] = second!.split('/').map(Number)
      expect(hits, `${path}: ${second}`).toBe(total)
    }
    // a list with documents in it really came from the cache
    expect(await expectSameAsPayload('/api/articles?limit=20&depth=1')).toBe('7/7')
  })

  it('bad queries get Payload’s own errors (never a 500), and odd parameters go to Payload', async () => {
    for (const path of [
      '/api/articles?where[bogus][equals]=1',
      '/api/articles?where[title][nonsense]=1',
      '/api/articles?limit=-5',
      '/api/articles?limit=abc',
      '/api/articles?page=-1',
      '/api/articles?page=0',
      '/api/articles?page=1.5',
      '/api/articles?page=99999999999',
      '/api/articles?sort=nope',
      '/api/articles?where[source.rawText][like]=a',
      `/api/articles?where[id][in]=${'9,'.repeat(500)}9`,
    ]) {
      const res = await anonymous(path)
      expect(res.status, path).toBeLessThan(500)
      await expectSameAsPayload(path)
    }
    // a page below 1 was a negative OFFSET: Postgres answered 500, for staff too
    for (const token of [null, tokens.editor]) {
      const res = await fetch(`${url}/api/articles?page=-1`, {
        headers: token ? { Authorization: `JWT ${token}` } : {},
      })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
        /page must be a whole number/,
      )
    }
    for (const path of [
      '/api/articles?select[title]=true',
      '/api/articles?populate[authors][name]=true&depth=1',
      '/api/articles?draft=true',
      '/api/articles?joins[corrections][limit]=1',
    ]) {
      const res = await anonymous(path)
      expect(res.headers.get('x-document-cache'), path).toBeNull()
      await res.arrayBuffer()
    }
  })

  it('never serves what the reader may not see: drafts, articles in review, anything to staff', async () => {
    const list = (await (await anonymous('/api/articles?limit=100&depth=1')).json()) as List
    expect(list.docs.map((d) => String(d.id))).not.toContain(String(draftId))
    expect(list.totalDocs).toBe(published.length)

    // staff read drafts; their lists are never assembled from (or into) the cache
    const staff = await fetch(`${url}/api/articles?limit=100`, {
      headers: { Authorization: `JWT ${tokens.editor}` },
    })
    expect(staff.headers.get('x-document-cache')).toBeNull()
    const staffList = (await staff.json()) as List
    expect(staffList.docs.map((d) => String(d.id))).toContain(String(draftId))
    const again = (await (await anonymous('/api/articles?limit=100')).json()) as List
    expect(again.docs.map((d) => String(d.id))).not.toContain(String(draftId))

    // an article in review (submitted, not published) is not public either
    const inReview = await createArticle('Submitted, in review', [authors[0]], false)
    const submitted = await api
      .as(tokens.contributor)
      .post(`/api/articles/${inReview}/workflow`, { action: 'submit' })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const listed = (await (await anonymous('/api/articles?limit=100')).json()) as List
    expect(listed.docs.map((d) => String(d.id))).not.toContain(String(inReview))
    expect(listed.totalDocs).toBe(published.length)
    await expectSameAsPayload('/api/articles?limit=100&depth=1')
  })

  it('a published change, an author’s new name and an unpublish show at once', async () => {
    const path = '/api/articles?limit=100&depth=1'
    await expectSameAsPayload(path)
    expect(await expectSameAsPayload(path)).toMatch(/^(\d+)\/\1$/)

    const target = published[0]
    const saved = await api
      .as(tokens.editor)
      .patch(`/api/articles/${target}`, { title: 'Story 0, corrected' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    await transition(target, 'publish_changes')
    const titles = ((await (await anonymous(path)).json()) as List).docs.map((d) => d.title)
    expect(titles).toContain('Story 0, corrected')
    expect(titles).not.toContain('Story 0 from the desk')
    await expectSameAsPayload(path)

    const renamed = await api
      .as(tokens.editor)
      .patch(`/api/authors/${authors[1]}`, { name: 'Bima Renamed' })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    const names = ((await (await anonymous(path)).json()) as List).docs.flatMap((d) =>
      (d.authors ?? []).map((a) => (typeof a === 'object' ? a.name : a)),
    )
    expect(names).toContain('Bima Renamed')
    expect(names).not.toContain('Bima Reporter')

    await transition(published[1], 'unpublish')
    const after = (await (await anonymous(path)).json()) as List
    expect(after.docs.map((d) => String(d.id))).not.toContain(String(published[1]))
    await expectSameAsPayload(path)
  })

  it('concurrent lists of different pages and depths each get their own, correct answer', async () => {
    const paths = Array.from(
      { length: 24 },
      (_, i) => `/api/articles?limit=${1 + (i % 4)}&page=${1 + (i % 3)}&depth=${i % 3}`,
    )
    const answers = await Promise.all(paths.map(async (p) => (await anonymous(p)).text()))
    const references = await Promise.all(paths.map(async (p) => (await reference(p)).text()))
    expect(answers).toEqual(references)
  })
})
