import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "in_published_article" boolean DEFAULT false;
  ALTER TABLE "authors" ADD COLUMN "public_profile" boolean DEFAULT false;
  ALTER TABLE "authors" ADD COLUMN "in_published_article" boolean DEFAULT false;
  CREATE INDEX "media_in_published_article_idx" ON "media" USING btree ("in_published_article");
  CREATE INDEX "authors_public_profile_idx" ON "authors" USING btree ("public_profile");
  CREATE INDEX "authors_in_published_article_idx" ON "authors" USING btree ("in_published_article");`)
  // Backfill: what published articles use now is public (src/visibility keeps it up to date).
  await db.execute(
    sql`UPDATE authors SET in_published_article = true WHERE id IN (SELECT r.authors_id FROM articles_rels r JOIN articles a ON a.id = r.parent_id WHERE a._status = 'published' AND r.authors_id IS NOT NULL);`,
  )
  await db.execute(
    sql`UPDATE media SET in_published_article = true WHERE id IN (SELECT r.media_id FROM articles_rels r JOIN articles a ON a.id = r.parent_id WHERE a._status = 'published' AND r.media_id IS NOT NULL) OR id IN (SELECT featured_media_id FROM articles WHERE _status = 'published' AND featured_media_id IS NOT NULL) OR id IN (SELECT photo_id FROM authors WHERE in_published_article = true AND photo_id IS NOT NULL);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_in_published_article_idx";
  DROP INDEX "authors_public_profile_idx";
  DROP INDEX "authors_in_published_article_idx";
  ALTER TABLE "media" DROP COLUMN "in_published_article";
  ALTER TABLE "authors" DROP COLUMN "public_profile";
  ALTER TABLE "authors" DROP COLUMN "in_published_article";`)
}
