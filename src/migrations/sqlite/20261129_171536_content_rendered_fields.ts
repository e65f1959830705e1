import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`url\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`word_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`reading_minutes\` numeric;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`body_html\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`body_text\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_url\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_word_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_reading_minutes\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_body_html\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_body_text\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`url\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`word_count\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`reading_minutes\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`body_html\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`body_text\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_url\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_word_count\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_reading_minutes\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_body_html\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_body_text\`;`)
}
