import { sql } from '@payloadcms/db-sqlite'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * Fast public reads (issue #10), hand-written (drizzle-kit cannot express either part; the schema
 * snapshot is unchanged):
 * - composite indexes that serve the anonymous list orders ("published, newest first" by
 *   createdAt, Payload's default sort, and by publishedAt), the by-slug lookup with the published
 *   filter, articles by author, and the relation rows of one article in order (depth population);
 * - the content generation (src/publicCache/generation.ts): one row bumped by triggers on the
 *   public tables in the same transaction as the change, which every app server's response cache
 *   checks.
 * The statements are copied here (not imported) so the migration never changes after it shipped.
 */
const UP: string[] = [
  'CREATE INDEX IF NOT EXISTS `articles_public_created_idx` ON `articles` (`_status`, `created_at` DESC)',
  'CREATE INDEX IF NOT EXISTS `articles_public_published_idx` ON `articles` (`_status`, `published_at` DESC)',
  'CREATE INDEX IF NOT EXISTS `articles_public_slug_idx` ON `articles` (`slug`, `_status`)',
  'CREATE INDEX IF NOT EXISTS `articles_rels_author_parent_idx` ON `articles_rels` (`authors_id`, `path`, `parent_id`)',
  'CREATE INDEX IF NOT EXISTS `articles_rels_parent_path_order_idx` ON `articles_rels` (`parent_id`, `path`, `order`)',
  'CREATE TABLE IF NOT EXISTS redaksi_content_generation (id integer PRIMARY KEY NOT NULL, generation integer NOT NULL DEFAULT 0, changed_at integer NOT NULL DEFAULT 0)',
  "INSERT INTO redaksi_content_generation (id, generation, changed_at) SELECT 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM redaksi_content_generation WHERE id = 1)",
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_insert" AFTER INSERT ON "articles" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_update" AFTER UPDATE ON "articles" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_delete" AFTER DELETE ON "articles" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_rels_insert" AFTER INSERT ON "articles_rels" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_rels_update" AFTER UPDATE ON "articles_rels" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_rels_delete" AFTER DELETE ON "articles_rels" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_texts_insert" AFTER INSERT ON "articles_texts" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_texts_update" AFTER UPDATE ON "articles_texts" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_articles_texts_delete" AFTER DELETE ON "articles_texts" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_authors_insert" AFTER INSERT ON "authors" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_authors_update" AFTER UPDATE ON "authors" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_authors_delete" AFTER DELETE ON "authors" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_media_insert" AFTER INSERT ON "media" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_media_update" AFTER UPDATE ON "media" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'CREATE TRIGGER IF NOT EXISTS "redaksi_content_generation_media_delete" AFTER DELETE ON "media" BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) WHERE id = 1; END',
  'ANALYZE',
]

const DOWN: string[] = [
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_insert"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_update"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_delete"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_rels_insert"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_rels_update"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_rels_delete"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_texts_insert"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_texts_update"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_articles_texts_delete"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_authors_insert"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_authors_update"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_authors_delete"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_media_insert"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_media_update"',
  'DROP TRIGGER IF EXISTS "redaksi_content_generation_media_delete"',
  'DROP TABLE IF EXISTS redaksi_content_generation',
  'DROP INDEX IF EXISTS `articles_public_created_idx`',
  'DROP INDEX IF EXISTS `articles_public_published_idx`',
  'DROP INDEX IF EXISTS `articles_public_slug_idx`',
  'DROP INDEX IF EXISTS `articles_rels_author_parent_idx`',
  'DROP INDEX IF EXISTS `articles_rels_parent_path_order_idx`',
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of UP) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of DOWN) await db.run(sql.raw(statement))
}
