import { sql } from '@payloadcms/db-sqlite' // drizzle's sql (the same export in db-postgres)
import type { Payload, PayloadRequest } from 'payload'

import { bumpGenerationSql, noteContentChange } from '@/publicCache/generation'
import { drizzleFor } from './adapters/drizzle'
import type { SearchParams } from './query'

/**
 * Full-text search over published articles, one interface for the three databases
 * (adapters/sqlite.ts: FTS5, adapters/postgres.ts: tsvector + GIN, adapters/mongodb.ts: text
 * index). The index holds one row per live article with the text of its PUBLISHED version; the
 * hooks (hooks/indexArticle.ts) keep it in step inside the saving request's transaction.
 */
export interface SearchDocument {
  id: string | number
  slug: string | null
  url: string | null
  title: string
  summary: string
  bodyText: string
  /** author display names, space separated */
  authors: string
  language: string | null
  publishedAt: string | null
}

export interface SearchHit {
  id: string | number
  slug: string | null
  url: string | null
  title: string
  summary: string | null
  language: string | null
  publishedAt: string | null
  /** higher is better; comparable within one result list only */
  score: number
  /** the title with matches in <mark> (escaped HTML) */
  titleHighlighted: string
  /** a passage of the body (or summary) with matches in <mark> (escaped HTML) */
  snippet: string
}

export interface SearchResults {
  docs: SearchHit[]
  totalDocs: number
  page: number
  limit: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

/** A hit as an engine returns it: highlights still carry MARK_START/MARK_END. */
export type RawHit = Omit<SearchHit, 'titleHighlighted' | 'snippet'> & {
  titleMarked: string
  snippetMarked: string
}

export interface SearchEngine {
  readonly name: 'sqlite-fts5' | 'postgres-tsvector' | 'mongodb-text'
  /** Creates the index structures when missing (migrations create them; this covers dev push). */
  ensure: (payload: Payload) => Promise<void>
  /** Adds or replaces one article, in `req`'s transaction when it has one. */
  upsert: (req: PayloadRequest, doc: SearchDocument) => Promise<void>
  remove: (req: PayloadRequest, id: string | number) => Promise<void>
  /** Empties the index (reindex). */
  clear: (req: PayloadRequest) => Promise<void>
  count: (req: PayloadRequest) => Promise<number>
  /** The article ids in the index. */
  ids: (req: PayloadRequest) => Promise<(string | number)[]>
  search: (
    req: PayloadRequest,
    params: SearchParams,
  ) => Promise<{ hits: RawHit[]; totalDocs: number }>
}

/**
 * Search results are public responses the response cache keeps (src/publicCache): every index
 * write also bumps the content generation in the same transaction (a reindex from the CLI or
 * another server included), since no trigger sees the index tables.
 */
const bumpingGeneration = (engine: SearchEngine): SearchEngine => {
  const bump = async (req: PayloadRequest) => {
    const statement = bumpGenerationSql(req.payload.db.name)
    if (statement) {
      const db = await drizzleFor(req)
      if (db.run) await db.run(sql.raw(statement))
      else await db.execute?.(sql.raw(statement))
    }
    noteContentChange()
  }
  return {
    ...engine,
    upsert: async (req, doc) => {
      await engine.upsert(req, doc)
      await bump(req)
    },
    remove: async (req, id) => {
      await engine.remove(req, id)
      await bump(req)
    },
    clear: async (req) => {
      await engine.clear(req)
      await bump(req)
    },
  }
}

/** The engine for the configured database adapter. */
export const engineFor = async (payload: Payload): Promise<SearchEngine> => {
  switch (payload.db.name) {
    case 'sqlite':
      return bumpingGeneration((await import('./adapters/sqlite')).sqliteEngine)
    case 'postgres':
      return bumpingGeneration((await import('./adapters/postgres')).postgresEngine)
    case 'mongoose':
      return bumpingGeneration((await import('./adapters/mongodb')).mongodbEngine)
    default:
      throw new Error(`search: no full-text engine for database adapter "${payload.db.name}"`)
  }
}
