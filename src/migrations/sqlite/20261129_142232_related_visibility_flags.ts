import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`in_published_article\` integer DEFAULT false;`)
  await db.run(
    sql`CREATE INDEX \`media_in_published_article_idx\` ON \`media\` (\`in_published_article\`);`,
  )
  await db.run(sql`ALTER TABLE \`authors\` ADD \`public_profile\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`authors\` ADD \`in_published_article\` integer DEFAULT false;`)
  await db.run(
    sql`CREATE INDEX \`authors_public_profile_idx\` ON \`authors\` (\`public_profile\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`authors_in_published_article_idx\` ON \`authors\` (\`in_published_article\`);`,
  )
  // Backfill: what published articles use now is public (src/visibility keeps it up to date).
  await db.run(
    sql`UPDATE authors SET in_published_article = true WHERE id IN (SELECT r.authors_id FROM articles_rels r JOIN articles a ON a.id = r.parent_id WHERE a._status = 'published' AND r.authors_id IS NOT NULL);`,
  )
  await db.run(
    sql`UPDATE media SET in_published_article = true WHERE id IN (SELECT r.media_id FROM articles_rels r JOIN articles a ON a.id = r.parent_id WHERE a._status = 'published' AND r.media_id IS NOT NULL) OR id IN (SELECT featured_media_id FROM articles WHERE _status = 'published' AND featured_media_id IS NOT NULL) OR id IN (SELECT photo_id FROM authors WHERE in_published_article = true AND photo_id IS NOT NULL);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_in_published_article_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`in_published_article\`;`)
  await db.run(sql`DROP INDEX \`authors_public_profile_idx\`;`)
  await db.run(sql`DROP INDEX \`authors_in_published_article_idx\`;`)
  await db.run(sql`ALTER TABLE \`authors\` DROP COLUMN \`public_profile\`;`)
  await db.run(sql`ALTER TABLE \`authors\` DROP COLUMN \`in_published_article\`;`)
}
