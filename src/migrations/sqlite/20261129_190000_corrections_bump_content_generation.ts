import { sql } from '@payloadcms/db-sqlite'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * Corrections (src/features/corrections) appear on public article responses: a change to them
 * bumps the content generation like a change to the articles themselves (triggers as in
 * `fast_public_reads`; hand-written, the schema snapshot is unchanged).
 */
const BUMP =
  "UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1"

const OPERATIONS = ['insert', 'update', 'delete'] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const operation of OPERATIONS) {
    await db.run(
      sql.raw(
        `CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_corrections_${operation}" AFTER ${operation.toUpperCase()} ON "corrections" BEGIN ${BUMP}; END`,
      ),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const operation of OPERATIONS) {
    await db.run(
      sql.raw(`DROP TRIGGER IF EXISTS "redaksi_content_generation_corrections_${operation}"`),
    )
  }
}
