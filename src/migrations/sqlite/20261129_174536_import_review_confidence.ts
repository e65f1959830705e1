import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`source_confidence\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`source_needs_attention\` integer;`)
  await db.run(
    sql`CREATE INDEX \`articles_source_source_needs_attention_idx\` ON \`articles\` (\`source_needs_attention\`);`,
  )
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_source_confidence\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_source_needs_attention\` integer;`)
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_source_version_source_needs_attentio_idx\` ON \`_articles_v\` (\`version_source_needs_attention\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_source_source_needs_attention_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`source_confidence\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`source_needs_attention\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_source_version_source_needs_attentio_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_source_confidence\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_source_needs_attention\`;`)
}
