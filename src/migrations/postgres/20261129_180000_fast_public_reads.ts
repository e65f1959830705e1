import { sql } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

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
  'CREATE INDEX IF NOT EXISTS "articles_public_created_idx" ON "articles" ("_status", "created_at" DESC)',
  'CREATE INDEX IF NOT EXISTS "articles_public_published_idx" ON "articles" ("_status", "published_at" DESC)',
  'CREATE INDEX IF NOT EXISTS "articles_public_slug_idx" ON "articles" ("slug", "_status")',
  'CREATE INDEX IF NOT EXISTS "articles_rels_author_parent_idx" ON "articles_rels" ("authors_id", "path", "parent_id")',
  'CREATE INDEX IF NOT EXISTS "articles_rels_parent_path_order_idx" ON "articles_rels" ("parent_id", "path", "order")',
  'CREATE TABLE IF NOT EXISTS redaksi_content_generation (id integer PRIMARY KEY NOT NULL, generation bigint NOT NULL DEFAULT 0, changed_at timestamptz NOT NULL DEFAULT now(), last_xid bigint)',
  'INSERT INTO redaksi_content_generation (id, generation, changed_at) VALUES (1, 0, now()) ON CONFLICT (id) DO NOTHING',
  'CREATE OR REPLACE FUNCTION redaksi_content_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE redaksi_content_generation SET generation = generation + 1, changed_at = clock_timestamp(), last_xid = txid_current() WHERE id = 1 AND last_xid IS DISTINCT FROM txid_current(); RETURN NULL; END $$',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles ON "articles"',
  'CREATE CONSTRAINT TRIGGER redaksi_content_generation_articles AFTER INSERT OR UPDATE OR DELETE ON "articles" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles_rels ON "articles_rels"',
  'CREATE CONSTRAINT TRIGGER redaksi_content_generation_articles_rels AFTER INSERT OR UPDATE OR DELETE ON "articles_rels" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles_texts ON "articles_texts"',
  'CREATE CONSTRAINT TRIGGER redaksi_content_generation_articles_texts AFTER INSERT OR UPDATE OR DELETE ON "articles_texts" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_authors ON "authors"',
  'CREATE CONSTRAINT TRIGGER redaksi_content_generation_authors AFTER INSERT OR UPDATE OR DELETE ON "authors" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_media ON "media"',
  'CREATE CONSTRAINT TRIGGER redaksi_content_generation_media AFTER INSERT OR UPDATE OR DELETE ON "media" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION redaksi_content_generation_bump()',
  'ANALYZE articles',
  'ANALYZE articles_rels',
]

const DOWN: string[] = [
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles ON "articles"',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles_rels ON "articles_rels"',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_articles_texts ON "articles_texts"',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_authors ON "authors"',
  'DROP TRIGGER IF EXISTS redaksi_content_generation_media ON "media"',
  'DROP FUNCTION IF EXISTS redaksi_content_generation_bump()',
  'DROP TABLE IF EXISTS redaksi_content_generation',
  'DROP INDEX IF EXISTS "articles_public_created_idx"',
  'DROP INDEX IF EXISTS "articles_public_published_idx"',
  'DROP INDEX IF EXISTS "articles_public_slug_idx"',
  'DROP INDEX IF EXISTS "articles_rels_author_parent_idx"',
  'DROP INDEX IF EXISTS "articles_rels_parent_path_order_idx"',
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of DOWN) await db.execute(sql.raw(statement))
}
