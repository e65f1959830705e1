import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "url" varchar;
  ALTER TABLE "articles" ADD COLUMN "word_count" numeric;
  ALTER TABLE "articles" ADD COLUMN "reading_minutes" numeric;
  ALTER TABLE "articles" ADD COLUMN "body_html" varchar;
  ALTER TABLE "articles" ADD COLUMN "body_text" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_url" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_word_count" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_reading_minutes" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_body_html" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_body_text" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "url";
  ALTER TABLE "articles" DROP COLUMN "word_count";
  ALTER TABLE "articles" DROP COLUMN "reading_minutes";
  ALTER TABLE "articles" DROP COLUMN "body_html";
  ALTER TABLE "articles" DROP COLUMN "body_text";
  ALTER TABLE "_articles_v" DROP COLUMN "version_url";
  ALTER TABLE "_articles_v" DROP COLUMN "version_word_count";
  ALTER TABLE "_articles_v" DROP COLUMN "version_reading_minutes";
  ALTER TABLE "_articles_v" DROP COLUMN "version_body_html";
  ALTER TABLE "_articles_v" DROP COLUMN "version_body_text";`)
}
