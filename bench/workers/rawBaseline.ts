/**
 * The raw baseline for `npm run bench:api`: plain Express + @libsql/client over the same SQLite
 * file the server uses, answering `GET /articles?limit=N&depth=0|1` with the same published rows
 * (newest first), their tags, and at depth 1 their authors and media rows, plus `totalDocs`
 * (one query for the page, one for the count, one each for relations, authors and media).
 * No access control, hooks or field logic: what the database and JSON cost on their own.
 *   tsx bench/workers/rawBaseline.ts file:/path/redaksi.db
 * Prints `listening on http://127.0.0.1:PORT`.
 */
import { createClient } from '@libsql/client'
import express from 'express'

const uri = process.argv[2]
if (!uri) throw new Error('usage: rawBaseline.ts file:/path/to/redaksi.db')
const db = createClient({ url: uri })

const ARTICLE_COLUMNS =
  'id, title, slug, summary, body, featured_media_id, language, dateline, outlet, published_at, workflow_status, updated_at, created_at, _status'

const parseJson = (text: unknown) => {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

const byIds = async (table: string, ids: number[]) => {
  if (ids.length === 0) return new Map<number, Record<string, unknown>>()
  const rows = (
    await db.execute({
      sql: `SELECT * FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`,
      args: ids,
    })
  ).rows
  return new Map(rows.map((row) => [Number(row.id), { ...row } as Record<string, unknown>]))
}

const app = express()
app.get('/articles', async (req, res) => {
  const limit = Math.min(100, Number(req.query.limit ?? 10) || 10)
  const depth = Number(req.query.depth ?? 1)
  const [page, count] = await Promise.all([
    db.execute({
      sql: `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE _status = 'published' ORDER BY created_at DESC LIMIT ?`,
      args: [limit],
    }),
    db.execute(`SELECT count(*) AS n FROM articles WHERE _status = 'published'`),
  ])
  const ids = page.rows.map((row) => Number(row.id))
  const marks = ids.map(() => '?').join(',')
  const [rels, texts] = ids.length
    ? await Promise.all([
        db.execute({
          sql: `SELECT parent_id, path, authors_id, media_id FROM articles_rels WHERE parent_id IN (${marks}) ORDER BY "order"`,
          args: ids,
        }),
        db.execute({
          sql: `SELECT parent_id, text FROM articles_texts WHERE parent_id IN (${marks}) ORDER BY "order"`,
          args: ids,
        }),
      ])
    : [{ rows: [] }, { rows: [] }]
  const authorIds = [...new Set(rels.rows.map((r) => Number(r.authors_id)).filter(Boolean))]
  const mediaIds = [
    ...new Set(
      [
        ...rels.rows.map((r) => Number(r.media_id)),
        ...page.rows.map((r) => Number(r.featured_media_id)),
      ].filter(Boolean),
    ),
  ]
  const [authors, media] =
    depth >= 1
      ? await Promise.all([byIds('authors', authorIds), byIds('media', mediaIds)])
      : [new Map(), new Map()]
  const docs = page.rows.map((row) => {
    const id = Number(row.id)
    const own = rels.rows.filter((r) => Number(r.parent_id) === id)
    const ref = (map: Map<number, unknown>, value: number) =>
      depth >= 1 ? (map.get(value) ?? value) : value
    return {
      ...row,
      body: parseJson(row.body),
      tags: texts.rows.filter((t) => Number(t.parent_id) === id).map((t) => t.text),
      authors: own.filter((r) => r.authors_id).map((r) => ref(authors, Number(r.authors_id))),
      media: own.filter((r) => r.media_id).map((r) => ref(media, Number(r.media_id))),
      featuredMedia: row.featured_media_id ? ref(media, Number(row.featured_media_id)) : null,
    }
  })
  const totalDocs = Number(count.rows[0]?.n ?? 0)
  res.json({ docs, totalDocs, limit, page: 1, totalPages: Math.ceil(totalDocs / limit) })
})

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`)
})
