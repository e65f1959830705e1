import { sql } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Corrections (src/features/corrections) appear on public article responses: a change to them
 * bumps the content generation like a change to the articles themselves (the trigger function of
 * `fast_public_reads`; hand-written, the schema snapshot is unchanged).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(
    sql.raw('DROP TRIGGER IF EXISTS redaksi_content_generation_corrections ON "corrections"'),
  )
  await db.execute(
    sql.raw(
      'CREATE CONSTRAINT TRIGGER redaksi_content_generation_corrections AFTER INSERT OR UPDATE OR DELETE ON "corrections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
    ),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(
    sql.raw('DROP TRIGGER IF EXISTS redaksi_content_generation_corrections ON "corrections"'),
  )
}
