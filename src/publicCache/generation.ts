import type { Payload } from 'payload'

/**
 * The content generation: one counter that changes whenever anything a public response can show
 * changes. On SQLite and Postgres it is a row (`redaksi_content_generation`) bumped by triggers
 * on the public tables (articles and their relation/array tables, authors, media), so the bump is
 * in the same transaction as the change, whoever makes it: REST, GraphQL, the workflow service,
 * scheduled jobs, a restore, the importer's or src/visibility's direct writes, another app server
 * or a CLI. Each server re-reads the row when its copy is older than PUBLIC_CACHE_CHECK_MS (one
 * primary-key read shared by all requests arriving meanwhile), and at once after a write in its
 * own process. MongoDB has no triggers: there the counter lives in the process and is bumped by
 * the collections' hooks (correct for one app server only).
 *
 * Why this is never stale beyond the check interval: the generation a request uses was read from
 * the database before the request reads any content, so content cached under generation G was
 * read no earlier than the moment G was current; a later change commits G+1, and every request
 * that starts more than the interval later looks up entries under G+1.
 */
export interface Generation {
  /** The counter (a string: Postgres bigint). */
  value: string
  /** When it last changed (HTTP date precision is enough), ms since the epoch. */
  changedAt: number
}

type SqliteClient = { execute: (q: string) => Promise<{ rows: ArrayLike<unknown>[] | unknown[] }> }
type PgPool = { query: (q: string) => Promise<{ rows: Record<string, unknown>[] }> }
type Db = { name: string; client?: SqliteClient; pool?: PgPool }

export const GENERATION_TABLE = 'redaksi_content_generation'

/** Tables whose changes can alter a public response (articles' versions are not: drafts stay private). */
export const PUBLIC_TABLES = ['articles', 'articles_rels', 'articles_texts', 'authors', 'media']

const READ_SQL = `SELECT generation, changed_at FROM ${GENERATION_TABLE} WHERE id = 1`

/** After a write in this process, the next requests re-read for this long (the commit may follow the hook). */
const DIRTY_WINDOW_MS = 2_000

interface TrackerState {
  value: string
  changedAt: number
  checkedAt: number
  dirtyUntil: number
  reading: Promise<Generation> | null
  localCounter: number
  listeners: Set<(g: Generation) => void>
}

// One per process, shared by the Express server and the copies of this module Next bundles
// (admin server actions save through Payload too).
const KEY = Symbol.for('redaksi.publicCache.generation')
const globalState = globalThis as unknown as Record<symbol, TrackerState | undefined>
const state: TrackerState = (globalState[KEY] ??= {
  value: '0',
  changedAt: Date.now(),
  checkedAt: 0,
  dirtyUntil: 0,
  reading: null,
  localCounter: 0,
  listeners: new Set(),
})

const rowOf = (row: unknown): { generation: unknown; changed_at: unknown } | null => {
  if (!row || typeof row !== 'object') return null
  const r = row as Record<string, unknown> & ArrayLike<unknown>
  if ('generation' in r) return { generation: r.generation, changed_at: r.changed_at }
  return { generation: r[0], changed_at: r[1] }
}

const readFromDatabase = async (payload: Payload): Promise<Generation> => {
  const db = payload.db as unknown as Db
  let row: { generation: unknown; changed_at: unknown } | null = null
  if (db.name === 'sqlite' && db.client) {
    row = rowOf((await db.client.execute(READ_SQL)).rows[0])
  } else if (db.name === 'postgres' && db.pool) {
    row = rowOf((await db.pool.query(READ_SQL)).rows[0])
  } else {
    return { value: `m${state.localCounter}`, changedAt: state.changedAt }
  }
  if (!row) throw new Error(`${GENERATION_TABLE} has no row: run the migrations`)
  const changed = row.changed_at instanceof Date ? row.changed_at.getTime() : Number(row.changed_at)
  return {
    value: String(row.generation),
    changedAt: Number.isFinite(changed) && changed > 0 ? changed : state.changedAt,
  }
}

const apply = (next: Generation) => {
  if (next.value !== state.value) {
    state.value = next.value
    state.changedAt = next.changedAt
    for (const listener of state.listeners) listener(next)
  }
}

/**
 * The current generation, re-read from the database when the known one is older than
 * `checkMs` (or a write happened in this process recently). Concurrent callers share one read.
 */
export const currentGeneration = async (payload: Payload, checkMs: number): Promise<Generation> => {
  const now = Date.now()
  if (now - state.checkedAt < checkMs && now > state.dirtyUntil) {
    return { value: state.value, changedAt: state.changedAt }
  }
  if (!state.reading) {
    const startedAt = now
    state.reading = readFromDatabase(payload)
      .then((g) => {
        apply(g)
        state.checkedAt = startedAt
        return g
      })
      .finally(() => {
        state.reading = null
      })
  }
  return state.reading
}

/**
 * The statement that bumps the generation from application code, for public data the triggers
 * do not see (the search index: SQLite cannot put triggers on FTS5 tables). Run it in the
 * change's transaction. On Postgres it bumps once per transaction, like the trigger function.
 */
export const bumpGenerationSql = (adapter: string): string | null => {
  if (adapter === 'sqlite') {
    return `UPDATE ${GENERATION_TABLE} SET generation = generation + 1, changed_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1`
  }
  if (adapter === 'postgres') {
    return `UPDATE ${GENERATION_TABLE} SET generation = generation + 1, changed_at = clock_timestamp(), last_xid = txid_current() WHERE id = 1 AND last_xid IS DISTINCT FROM txid_current()`
  }
  return null
}

/** A write in this process touched public content: re-read the generation for a while (and bump it on MongoDB). */
export const noteContentChange = (): void => {
  state.localCounter++
  state.changedAt = Date.now()
  state.dirtyUntil = Date.now() + DIRTY_WINDOW_MS
  state.checkedAt = 0
}

/** Called with the new generation whenever this process learns of one (the response cache clears itself). */
export const onGenerationChange = (listener: (g: Generation) => void): (() => void) => {
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}

const sqliteTriggers = (table: string): string[] =>
  (['INSERT', 'UPDATE', 'DELETE'] as const).map(
    (op) =>
      `CREATE TRIGGER IF NOT EXISTS "${GENERATION_TABLE}_${table}_${op.toLowerCase()}" AFTER ${op} ON "${table}" BEGIN UPDATE ${GENERATION_TABLE} SET generation = generation + 1, changed_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END`,
  )

/** SQLite: the table, its row and the triggers (idempotent; the migration and dev start-up run it). */
export const sqliteGenerationSql = (): string[] => [
  `CREATE TABLE IF NOT EXISTS ${GENERATION_TABLE} (id integer PRIMARY KEY NOT NULL, generation integer NOT NULL DEFAULT 0, changed_at integer NOT NULL DEFAULT 0)`,
  `INSERT INTO ${GENERATION_TABLE} (id, generation, changed_at) SELECT 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM ${GENERATION_TABLE} WHERE id = 1)`,
  ...PUBLIC_TABLES.flatMap(sqliteTriggers),
]

export const sqliteGenerationDownSql = (): string[] => [
  ...PUBLIC_TABLES.flatMap((table) =>
    ['insert', 'update', 'delete'].map(
      (op) => `DROP TRIGGER IF EXISTS "${GENERATION_TABLE}_${table}_${op}"`,
    ),
  ),
  `DROP TABLE IF EXISTS ${GENERATION_TABLE}`,
]

/**
 * Postgres: deferred constraint triggers, so the bump runs at commit time (the generation row is
 * locked only for the end of the transaction, always last, so writers cannot deadlock on it), and
 * once per transaction (`last_xid`), however many rows it wrote.
 */
export const postgresGenerationSql = (): string[] => [
  `CREATE TABLE IF NOT EXISTS ${GENERATION_TABLE} (id integer PRIMARY KEY NOT NULL, generation bigint NOT NULL DEFAULT 0, changed_at timestamptz NOT NULL DEFAULT now(), last_xid bigint)`,
  `INSERT INTO ${GENERATION_TABLE} (id, generation, changed_at) VALUES (1, 0, now()) ON CONFLICT (id) DO NOTHING`,
  `CREATE OR REPLACE FUNCTION ${GENERATION_TABLE}_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${GENERATION_TABLE} SET generation = generation + 1, changed_at = clock_timestamp(), last_xid = txid_current() WHERE id = 1 AND last_xid IS DISTINCT FROM txid_current(); RETURN NULL; END $$`,
  ...PUBLIC_TABLES.flatMap((table) => [
    `DROP TRIGGER IF EXISTS ${GENERATION_TABLE}_${table} ON "${table}"`,
    `CREATE CONSTRAINT TRIGGER ${GENERATION_TABLE}_${table} AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${GENERATION_TABLE}_bump()`,
  ]),
]

export const postgresGenerationDownSql = (): string[] => [
  ...PUBLIC_TABLES.map(
    (table) => `DROP TRIGGER IF EXISTS ${GENERATION_TABLE}_${table} ON "${table}"`,
  ),
  `DROP FUNCTION IF EXISTS ${GENERATION_TABLE}_bump()`,
  `DROP TABLE IF EXISTS ${GENERATION_TABLE}`,
]

/**
 * A per-process cache bound to the generation: emptied when a new generation becomes known.
 * Returns the generation it holds entries for ('' until the first one is known).
 */
export const clearOnGenerationChange = (cache: { clear: () => void }): (() => string) => {
  let known = ''
  onGenerationChange((g) => {
    if (g.value !== known) {
      known = g.value
      cache.clear()
    }
  })
  return () => known
}
