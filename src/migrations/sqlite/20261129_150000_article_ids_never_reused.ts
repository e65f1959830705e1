import { sql } from '@payloadcms/db-sqlite'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * SQLite gives a new row max(id) + 1, so deleting the newest article handed its id, and with it
 * its URL (/api/articles/:id), to the next article. AUTOINCREMENT never reuses an id.
 *
 * SQLite cannot add AUTOINCREMENT with ALTER TABLE, and rebuilding `articles` inside the
 * migration's transaction is unsafe (foreign keys cannot be switched off there, so dropping the old
 * table would cascade into versions, relations and the audit trail). AUTOINCREMENT does not
 * change how a table is stored, only how new ids are chosen, so the table's definition is edited
 * in place, the documented way (writable_schema, then a schema_version bump so every open
 * connection reloads it), and `sqlite_sequence` starts above every id ever used: the highest
 * article id and the highest deleted article recorded in the audit trail. Postgres sequences and
 * MongoDB ObjectIds never reuse ids; nothing to do there.
 *
 * Hand-written (drizzle-kit does not model this); the schema snapshot is unchanged.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  // sqlite_sequence exists once any AUTOINCREMENT table has been created.
  await db.run(
    sql`CREATE TABLE IF NOT EXISTS \`redaksi_autoincrement_probe\` (\`id\` integer PRIMARY KEY AUTOINCREMENT)`,
  )
  await db.run(sql`DROP TABLE \`redaksi_autoincrement_probe\``)
  const [row] = (await db.all(sql`PRAGMA schema_version`)) as Record<string, unknown>[]
  const version = Number(Object.values(row ?? {})[0])
  if (!Number.isInteger(version)) throw new Error('cannot read PRAGMA schema_version')
  await db.run(sql`PRAGMA writable_schema = ON`)
  await db.run(
    sql`UPDATE sqlite_schema SET sql = replace(sql, '\`id\` integer PRIMARY KEY NOT NULL', '\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL') WHERE type = 'table' AND name = 'articles' AND sql NOT LIKE '%AUTOINCREMENT%'`,
  )
  await db.run(sql.raw(`PRAGMA schema_version = ${version + 1}`))
  await db.run(sql`PRAGMA writable_schema = OFF`)
  await db.run(
    sql`INSERT INTO sqlite_sequence (name, seq) SELECT 'articles', MAX(COALESCE((SELECT MAX(id) FROM articles), 0), COALESCE((SELECT MAX(CAST(article_ref AS INTEGER)) FROM audit_events), 0)) WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'articles')`,
  )
  const [check] = (await db.all(
    sql`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'`,
  )) as { sql?: string }[]
  if (!check?.sql?.includes('AUTOINCREMENT')) {
    throw new Error('articles table was not switched to AUTOINCREMENT')
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  const [row] = (await db.all(sql`PRAGMA schema_version`)) as Record<string, unknown>[]
  const version = Number(Object.values(row ?? {})[0])
  await db.run(sql`PRAGMA writable_schema = ON`)
  await db.run(
    sql`UPDATE sqlite_schema SET sql = replace(sql, '\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL', '\`id\` integer PRIMARY KEY NOT NULL') WHERE type = 'table' AND name = 'articles'`,
  )
  await db.run(sql.raw(`PRAGMA schema_version = ${version + 1}`))
  await db.run(sql`PRAGMA writable_schema = OFF`)
  await db.run(sql`DELETE FROM sqlite_sequence WHERE name = 'articles'`)
}
