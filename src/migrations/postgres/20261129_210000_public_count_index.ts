import { sql } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Fast public reads (issue #10), hand-written (the schema snapshot is unchanged): the count every
 * anonymous list runs (`_status = 'published'` and the embargo has lifted, from
 * src/access/publishedStaffOrPreviewClient.ts) was answered by walking the `_status` index and
 * reading each row for `embargo_until`: ~3 ms for 2,000 articles, growing with the archive. A
 * covering index answers it from the index alone (~0.1 ms), and also serves the cache's look for
 * the next embargo to lift.
 */
const UP: string[] = [
  'CREATE INDEX IF NOT EXISTS "articles_public_embargo_idx" ON "articles" ("_status", "embargo_until")',
  'ANALYZE articles',
]

const DOWN: string[] = ['DROP INDEX IF EXISTS "articles_public_embargo_idx"']

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of DOWN) await db.execute(sql.raw(statement))
}
