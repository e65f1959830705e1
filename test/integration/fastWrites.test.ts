import { createLocalReq } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { createAuditEvent, createAuthorRow, createCaptionMedia } from '@/features/import/fastWrites'
import { slugify } from '@/lib/slugify'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'

/** Everything but identity and timestamps. */
const content = (doc: object) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc as Record<string, unknown>
  return rest
}

describe.each(TEST_DATABASES)(
  'importer fast writes store what the Local API stores (%s)',
  (kind) => {
    let db: TestDatabase
    let payload: Payload

    beforeAll(async () => {
      db = await createTestDatabase(kind)
      payload = await localPayload(db.uri)
    })
    afterAll(async () => {
      if (payload) await closePayload(payload)
      await db?.drop()
    })

    it('caption-only media', async () => {
      const data = {
        caption: 'Warga mengungsi ke balai desa. ',
        credit: 'Tribunnews/Fahmi',
        alt: 'Warga mengungsi',
      }
      const viaApi = await payload.create({ collection: 'media', data })
      const req = await createLocalReq({}, payload)
      const fastId = await createCaptionMedia(payload, req, data)
      const viaFast = await payload.findByID({ collection: 'media', id: fastId })
      const apiRead = await payload.findByID({ collection: 'media', id: viaApi.id })
      expect(content(viaFast)).toEqual(content(apiRead))
      expect(apiRead.photoStatus).toBe('photo missing')
      expect(typeof viaFast.createdAt).toBe('string')
    })

    it('authors (slug and normalized name as the collection hooks make them)', async () => {
      const viaApi = await payload.create({
        collection: 'authors',
        data: { name: 'Dio Suhénda', outlet: 'The Jakarta Post' },
      })
      const apiRead = await payload.findByID({ collection: 'authors', id: viaApi.id })
      await payload.delete({ collection: 'authors', id: viaApi.id })
      const req = await createLocalReq({}, payload)
      const fastId = await createAuthorRow(payload, req, {
        name: 'Dio Suhénda',
        outlet: 'The Jakarta Post',
        slug: slugify('Dio Suhénda'),
      })
      const viaFast = await payload.findByID({ collection: 'authors', id: fastId })
      expect(content(viaFast)).toEqual(content(apiRead))
      expect(viaFast.slug).toBe('dio-suhenda')
    })

    it('audit events', async () => {
      const article = await payload.create({
        collection: 'articles',
        data: { title: 'Audit' },
        draft: true,
      })
      const data = {
        at: new Date('2026-11-26T10:00:00.000Z').toISOString(),
        actorLabel: 'import',
        action: 'import' as const,
        article: article.id,
        toState: 'in_review' as const,
        note: 'Imported from seeds/x.txt',
        summary: 'import: seeds/x.txt',
      }
      const viaApi = await payload.create({ collection: 'audit-events', data })
      const req = await createLocalReq({}, payload)
      await createAuditEvent(payload, req, data)
      const both = await payload.find({
        collection: 'audit-events',
        where: { article: { equals: article.id } },
        sort: 'id',
      })
      expect(both.totalDocs).toBe(2)
      const fast = both.docs.find((d) => d.id !== viaApi.id)!
      const api = both.docs.find((d) => d.id === viaApi.id)!
      expect(content(fast as never)).toEqual(content(api as never))
    })
  },
)
