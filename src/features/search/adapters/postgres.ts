import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import type { RawHit, SearchDocument, SearchEngine } from '@/features/search/engine'
import { foldText, indexableText, markTerms } from '@/features/search/query'
import type { SearchParams } from '@/features/search/query'
import { drizzleFor } from './drizzle'

/**
 * Postgres: a `search_articles` table (one row per live article, its published text) with a
 * weighted tsvector (title A, authors B, summary C, body D) under a GIN index. Each row is indexed
 * twice: with the article language's text search configuration (`indonesian` for id, `english`
 * for en, where the server has them: pg_ts_config) for stemming, and with `simple` so that any
 * word prefix matches. Text is folded in JavaScript (case, accents: query.ts foldText) before
 * both indexing and querying, so no `unaccent` extension (and no superuser) is needed.
 * Ranking: ts_rank_cd. Snippets: the body passage around the first match (query.ts markTerms).
 */
export const POSTGRES_CREATE_SEARCH_TABLE = [
  `CREATE TABLE IF NOT EXISTS "search_articles" (
    "id" integer PRIMARY KEY REFERENCES "articles"("id") ON DELETE CASCADE,
    "slug" varchar, "url" varchar, "title" text NOT NULL, "summary" text, "body" text,
    "authors" text, "language" varchar, "published_at" timestamptz,
    "document" tsvector NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS "search_articles_document_idx" ON "search_articles" USING GIN ("document")`,
  `CREATE INDEX IF NOT EXISTS "search_articles_language_idx" ON "search_articles" ("language")`,
]

type Row = Record<string, unknown>

const rows = async (req: PayloadRequest, query: ReturnType<typeof sql>): Promise<Row[]> => {
  const db = await drizzleFor(req)
  const result = await db.execute?.(query)
  return result?.rows ?? []
}

const LANGUAGE_CONFIGS: Record<string, string> = { id: 'indonesian', en: 'english' }
let available: Promise<Set<string>> | null = null

/** The text search configurations this server has (checked once per process). */
const configs = (req: PayloadRequest): Promise<Set<string>> => {
  available ??= rows(req, sql`SELECT cfgname FROM pg_ts_config`)
    .then((found) => new Set(found.map((r) => String(r.cfgname))))
    .catch((err: unknown) => {
      available = null
      throw err
    })
  return available
}

/** The configuration for a language code: its own where present, else `simple`. */
export const configFor = (language: string | null, have: Set<string>): string => {
  const name = language ? LANGUAGE_CONFIGS[language] : undefined
  return name && have.has(name) ? name : 'simple'
}

const id = (value: string | number): number => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`search: not an article id: ${value}`)
  return n
}

const weighted = (config: string, title: string, authors: string, summary: string, body: string) =>
  sql`setweight(to_tsvector(${config}::regconfig, ${title}), 'A') ||
      setweight(to_tsvector(${config}::regconfig, ${authors}), 'B') ||
      setweight(to_tsvector(${config}::regconfig, ${summary}), 'C') ||
      setweight(to_tsvector(${config}::regconfig, ${body}), 'D')`

/** `t1:* & t2:*` for to_tsquery; terms are letters and digits only (query.ts). */
export const tsPrefixQuery = (terms: string[]): string => terms.map((t) => `${t}:*`).join(' & ')

export const postgresEngine: SearchEngine = {
  name: 'postgres-tsvector',

  ensure: async (payload: Payload) => {
    const req = { payload, context: {} } as PayloadRequest
    for (const statement of POSTGRES_CREATE_SEARCH_TABLE) await rows(req, sql.raw(statement))
  },

  upsert: async (req: PayloadRequest, doc: SearchDocument) => {
    const config = configFor(doc.language, await configs(req))
    const title = indexableText(doc.title)
    const summary = indexableText(doc.summary)
    const body = indexableText(doc.bodyText)
    const authors = indexableText(doc.authors)
    const [ft, fa, fs, fb] = [title, authors, summary, body].map(foldText)
    await rows(
      req,
      sql`INSERT INTO "search_articles" ("id", "slug", "url", "title", "summary", "body", "authors", "language", "published_at", "document")
          VALUES (${id(doc.id)}, ${doc.slug}, ${doc.url}, ${title}, ${summary}, ${body}, ${authors}, ${doc.language},
                  ${doc.publishedAt}::timestamptz,
                  ${weighted(config, ft, fa, fs, fb)} || ${weighted('simple', ft, fa, fs, fb)})
          ON CONFLICT ("id") DO UPDATE SET "slug" = EXCLUDED."slug", "url" = EXCLUDED."url",
            "title" = EXCLUDED."title", "summary" = EXCLUDED."summary", "body" = EXCLUDED."body",
            "authors" = EXCLUDED."authors", "language" = EXCLUDED."language",
            "published_at" = EXCLUDED."published_at", "document" = EXCLUDED."document"`,
    )
  },

  remove: async (req: PayloadRequest, value: string | number) => {
    await rows(req, sql`DELETE FROM "search_articles" WHERE "id" = ${id(value)}`)
  },

  clear: async (req: PayloadRequest) => {
    await rows(req, sql`DELETE FROM "search_articles"`)
  },

  count: async (req: PayloadRequest) => {
    const [row] = await rows(req, sql`SELECT count(*) AS n FROM "search_articles"`)
    return Number(row?.n ?? 0)
  },

  ids: async (req: PayloadRequest) =>
    (await rows(req, sql`SELECT "id" FROM "search_articles"`)).map((r) => Number(r.id)),

  search: async (req: PayloadRequest, params: SearchParams) => {
    const have = await configs(req)
    const text = tsPrefixQuery(params.terms)
    // the prefix query under `simple` plus, for stemming, under each language configuration
    const stemmed = [...new Set(Object.values(LANGUAGE_CONFIGS))].filter((c) => have.has(c))
    const languageConfigs = params.language
      ? [configFor(params.language, have)].filter((c) => c !== 'simple')
      : stemmed
    let query = sql`to_tsquery('simple', ${text})`
    for (const config of languageConfigs) {
      query = sql`${query} || to_tsquery(${config}::regconfig, ${text})`
    }
    const language = params.language ? sql` AND "language" = ${params.language}` : sql``
    const [counted] = await rows(
      req,
      sql`SELECT count(*) AS n FROM "search_articles" WHERE "document" @@ (${query})${language}`,
    )
    const totalDocs = Number(counted?.n ?? 0)
    if (totalDocs === 0) return { hits: [], totalDocs }
    const found = await rows(
      req,
      sql`SELECT "id", "slug", "url", "title", "summary", "language", "published_at",
            left("body", 20000) AS "body", ts_rank_cd("document", q) AS "rank"
          FROM "search_articles", (SELECT (${query}) AS q) AS query
          WHERE "document" @@ q${language}
          ORDER BY "rank" DESC, "published_at" DESC NULLS LAST, "id" DESC
          LIMIT ${params.limit} OFFSET ${(params.page - 1) * params.limit}`,
    )
    const hits: RawHit[] = found.map((row) => {
      const body = String(row.body ?? '')
      const summary = (row.summary as string | null) || null
      const bodySnippet = markTerms(body, params.terms, 240)
      const summarySnippet = summary ? markTerms(summary, params.terms, 240) : ''
      return {
        id: Number(row.id),
        slug: (row.slug as string | null) ?? null,
        url: (row.url as string | null) ?? null,
        title: String(row.title ?? ''),
        summary,
        language: (row.language as string | null) ?? null,
        publishedAt:
          row.published_at instanceof Date
            ? row.published_at.toISOString()
            : ((row.published_at as string | null) ?? null),
        score: Number(row.rank ?? 0),
        titleMarked: markTerms(String(row.title ?? ''), params.terms),
        snippetMarked:
          !bodySnippet.includes('\uE000') && summarySnippet.includes('\uE000')
            ? summarySnippet
            : bodySnippet || summarySnippet,
      }
    })
    return { hits, totalDocs }
  },
}
