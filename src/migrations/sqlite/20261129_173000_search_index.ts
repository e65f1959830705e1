import { sql } from '@payloadcms/db-sqlite'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

import { SQLITE_CREATE_SEARCH_TABLE } from '../../features/search/adapters/sqlite'

/**
 * Full-text search (src/features/search): the FTS5 table of live articles. Hand-written (drizzle
 * does not model virtual tables); the schema snapshot is unchanged. Articles already live are
 * indexed when the server starts with an empty index (or by `npm run search:reindex`).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql.raw(SQLITE_CREATE_SEARCH_TABLE))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`search_articles\``)
}
