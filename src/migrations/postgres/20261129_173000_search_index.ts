import { sql } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { POSTGRES_CREATE_SEARCH_TABLE } from '../../features/search/adapters/postgres'

/**
 * Full-text search (src/features/search): the table of live articles with its weighted tsvector
 * and GIN index. Hand-written (drizzle does not model tsvector columns); the schema snapshot is
 * unchanged. Articles already live are indexed when the server starts with an empty index (or by
 * `npm run search:reindex`).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of POSTGRES_CREATE_SEARCH_TABLE) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "search_articles"`)
}
