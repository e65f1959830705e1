import type { Payload, PayloadRequest } from 'payload'

import type { RawHit, SearchDocument, SearchEngine } from '@/features/search/engine'
import { foldText, indexableText, markTerms } from '@/features/search/query'
import type { SearchParams } from '@/features/search/query'

/**
 * MongoDB: a `search_articles` collection (one document per live article, _id = article id) with
 * a weighted text index (title 10, summary 4, body 1, authors 3) over folded copies of the text.
 * MongoDB's text search matches whole words (English stemming for `en` articles, none otherwise)
 * and has no prefix search; every query word is required (each is sent as a quoted phrase).
 * Writes join the request's transaction through its client session.
 *
 * Not exercised by the test suite (no mongod in CI); the logic shared with the SQL engines
 * (query parsing, folding, highlighting) is.
 */
const COLLECTION = 'search_articles'

interface MongoCollection {
  createIndex: (spec: Record<string, unknown>, options: Record<string, unknown>) => Promise<unknown>
  replaceOne: (filter: object, doc: object, options: object) => Promise<unknown>
  deleteOne: (filter: object, options: object) => Promise<unknown>
  deleteMany: (filter: object, options: object) => Promise<unknown>
  countDocuments: (filter: object, options?: object) => Promise<number>
  find: (
    filter: object,
    options: object,
  ) => {
    sort: (spec: object) => {
      skip: (n: number) => { limit: (n: number) => { toArray: () => Promise<Row[]> } }
    }
  }
}
type Row = Record<string, unknown>

interface MongooseAdapter {
  connection: { db: { collection: (name: string) => MongoCollection } }
  sessions?: Record<string | number, unknown>
}

const collectionOf = (payload: Payload): MongoCollection =>
  (payload.db as unknown as MongooseAdapter).connection.db.collection(COLLECTION)

const sessionOf = async (req: PayloadRequest): Promise<{ session?: unknown }> => {
  const id = req.transactionID ? await req.transactionID : undefined
  const session =
    id !== undefined ? (req.payload.db as unknown as MongooseAdapter).sessions?.[id] : undefined
  return session ? { session } : {}
}

/** MongoDB text-search language for an article language ("none": no stemming, no stop words). */
const textLanguage = (language: string | null): string => (language === 'en' ? 'english' : 'none')

export const mongodbEngine: SearchEngine = {
  name: 'mongodb-text',

  ensure: async (payload: Payload) => {
    await collectionOf(payload).createIndex(
      { title_f: 'text', summary_f: 'text', body_f: 'text', authors_f: 'text' },
      {
        name: 'search_articles_text',
        weights: { title_f: 10, summary_f: 4, body_f: 1, authors_f: 3 },
        default_language: 'none',
        language_override: 'text_language',
      },
    )
    await collectionOf(payload).createIndex({ language: 1 }, { name: 'search_articles_language' })
  },

  upsert: async (req: PayloadRequest, doc: SearchDocument) => {
    const title = indexableText(doc.title)
    const summary = indexableText(doc.summary)
    const body = indexableText(doc.bodyText)
    const authors = indexableText(doc.authors)
    await collectionOf(req.payload).replaceOne(
      { _id: String(doc.id) },
      {
        _id: String(doc.id),
        slug: doc.slug,
        url: doc.url,
        title,
        summary,
        body,
        authors,
        language: doc.language,
        text_language: textLanguage(doc.language),
        published_at: doc.publishedAt,
        title_f: foldText(title),
        summary_f: foldText(summary),
        body_f: foldText(body),
        authors_f: foldText(authors),
      },
      { upsert: true, ...(await sessionOf(req)) },
    )
  },

  remove: async (req: PayloadRequest, id: string | number) => {
    await collectionOf(req.payload).deleteOne({ _id: String(id) }, await sessionOf(req))
  },

  clear: async (req: PayloadRequest) => {
    await collectionOf(req.payload).deleteMany({}, await sessionOf(req))
  },

  count: async (req: PayloadRequest) =>
    collectionOf(req.payload).countDocuments({}, await sessionOf(req)),

  ids: async (req: PayloadRequest) =>
    (
      await collectionOf(req.payload)
        .find({}, { projection: { _id: 1 }, ...(await sessionOf(req)) })
        .sort({ _id: 1 })
        .skip(0)
        .limit(0)
        .toArray()
    ).map((row) => String(row._id)),

  search: async (req: PayloadRequest, params: SearchParams) => {
    const filter: Row = { $text: { $search: params.terms.map((t) => `"${t}"`).join(' ') } }
    if (params.language) filter.language = params.language
    const collection = collectionOf(req.payload)
    const totalDocs = await collection.countDocuments(filter)
    if (totalDocs === 0) return { hits: [], totalDocs }
    const found = await collection
      .find(filter, {
        projection: {
          score: { $meta: 'textScore' },
          slug: 1,
          url: 1,
          title: 1,
          summary: 1,
          body: 1,
          language: 1,
          published_at: 1,
        },
      })
      .sort({ score: { $meta: 'textScore' }, published_at: -1, _id: -1 })
      .skip((params.page - 1) * params.limit)
      .limit(params.limit)
      .toArray()
    const hits: RawHit[] = found.map((row) => ({
      id: String(row._id),
      slug: (row.slug as string | null) ?? null,
      url: (row.url as string | null) ?? null,
      title: String(row.title ?? ''),
      summary: (row.summary as string | null) || null,
      language: (row.language as string | null) ?? null,
      publishedAt: (row.published_at as string | null) ?? null,
      score: Number(row.score ?? 0),
      titleMarked: markTerms(String(row.title ?? ''), params.terms),
      snippetMarked: markTerms(String(row.body ?? row.summary ?? ''), params.terms, 240),
    }))
    return { hits, totalDocs }
  },
}
