import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { RawHit, SearchDocument, SearchEngine } from '@/features/search/engine'
import { indexableText, MARK_END, MARK_START } from '@/features/search/query'
import type { SearchParams } from '@/features/search/query'
import { drizzleFor } from './drizzle'

/**
 * SQLite FTS5 (built into libsql). One row per live article, rowid = article id; the indexed
 * columns are title, summary, body and author names, folded by the unicode61 tokenizer (case,
 * diacritics); prefix indexes for 2- and 3-letter prefixes keep `term*` queries fast. The other
 * columns are stored, not indexed, so a hit needs no join (and never reads a draft).
 * Ranking: bm25 with title 10, summary 4, body 1, authors 3.
 */
export const SQLITE_CREATE_SEARCH_TABLE = `CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(
  title, summary, body, authors,
  slug UNINDEXED, url UNINDEXED, language UNINDEXED, published_at UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
)`

type Row = Record<string, unknown>

const all = async (req: PayloadRequest, query: ReturnType<typeof sql>): Promise<Row[]> => {
  const db = await drizzleFor(req)
  return ((await db.all?.(query)) ?? []) as Row[]
}
const run = async (req: PayloadRequest, query: ReturnType<typeof sql>): Promise<void> => {
  const db = await drizzleFor(req)
  await db.run?.(query)
}

const rowid = (id: string | number): number => {
  const n = Number(id)
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`search: not an article id: ${id}`)
  return n
}

/** Every term a prefix, all required. Terms are letters and digits only (query.ts). */
export const fts5Match = (terms: string[]): string => terms.map((t) => `"${t}"*`).join(' ')

export const sqliteEngine: SearchEngine = {
  name: 'sqlite-fts5',

  ensure: async (payload: Payload) => {
    const req = { payload, context: {} } as PayloadRequest
    await run(req, sql.raw(SQLITE_CREATE_SEARCH_TABLE))
  },

  upsert: async (req: PayloadRequest, doc: SearchDocument) => {
    const id = rowid(doc.id)
    await run(req, sql`DELETE FROM search_articles WHERE rowid = ${id}`)
    await run(
      req,
      sql`INSERT INTO search_articles (rowid, title, summary, body, authors, slug, url, language, published_at)
          VALUES (${id}, ${indexableText(doc.title)}, ${indexableText(doc.summary)}, ${indexableText(doc.bodyText)},
                  ${indexableText(doc.authors)}, ${doc.slug}, ${doc.url}, ${doc.language}, ${doc.publishedAt})`,
    )
  },

  remove: async (req: PayloadRequest, id: string | number) => {
    await run(req, sql`DELETE FROM search_articles WHERE rowid = ${rowid(id)}`)
  },

  clear: async (req: PayloadRequest) => {
    await run(req, sql`DELETE FROM search_articles`)
  },

  count: async (req: PayloadRequest) => {
    const [row] = await all(req, sql`SELECT count(*) AS n FROM search_articles`)
    return Number(row?.n ?? 0)
  },

  ids: async (req: PayloadRequest) =>
    (await all(req, sql`SELECT rowid AS id FROM search_articles`)).map((r) => Number(r.id)),

  search: async (req: PayloadRequest, params: SearchParams) => {
    const match = fts5Match(params.terms)
    const language = params.language ? sql` AND language = ${params.language}` : sql``
    const [counted] = await all(
      req,
      sql`SELECT count(*) AS n FROM search_articles WHERE search_articles MATCH ${match}${language}`,
    )
    const totalDocs = Number(counted?.n ?? 0)
    if (totalDocs === 0) return { hits: [], totalDocs }
    const rows = await all(
      req,
      sql`SELECT rowid AS id, slug, url, language, published_at, title, summary,
            bm25(search_articles, 10.0, 4.0, 1.0, 3.0) AS rank,
            highlight(search_articles, 0, ${MARK_START}, ${MARK_END}) AS title_marked,
            snippet(search_articles, 2, ${MARK_START}, ${MARK_END}, '…', 32) AS body_snippet,
            snippet(search_articles, 1, ${MARK_START}, ${MARK_END}, '…', 32) AS summary_snippet
          FROM search_articles
          WHERE search_articles MATCH ${match}${language}
          ORDER BY rank, published_at DESC, rowid DESC
          LIMIT ${params.limit} OFFSET ${(params.page - 1) * params.limit}`,
    )
    const hits: RawHit[] = rows.map((row) => {
      const body = String(row.body_snippet ?? '')
      const summary = String(row.summary_snippet ?? '')
      return {
        id: Number(row.id),
        slug: (row.slug as string | null) ?? null,
        url: (row.url as string | null) ?? null,
        title: String(row.title ?? ''),
        summary: (row.summary as string | null) || null,
        language: (row.language as string | null) ?? null,
        publishedAt: (row.published_at as string | null) ?? null,
        score: -Number(row.rank ?? 0),
        titleMarked: String(row.title_marked ?? ''),
        snippetMarked:
          !body.includes(MARK_START) && summary.includes(MARK_START) ? summary : body || summary,
      }
    })
    return { hits, totalDocs }
  },
}
