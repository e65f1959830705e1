import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The audit trail survives an article's deletion: `article_id` becomes nullable (the foreign key
 * already sets it to NULL on delete), every row keeps the article's id and title (`article_ref`,
 * `article_title`, filled in here for existing rows), and the new audited actions.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'publish_changes' BEFORE 'import';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'create';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'delete';
  ALTER TABLE "audit_events" ALTER COLUMN "article_id" DROP NOT NULL;
  ALTER TABLE "audit_events" ADD COLUMN "article_ref" varchar;
  ALTER TABLE "audit_events" ADD COLUMN "article_title" varchar;
  CREATE INDEX "audit_events_article_ref_idx" ON "audit_events" USING btree ("article_ref");
  UPDATE "audit_events" SET "article_ref" = "article_id"::text, "article_title" = (SELECT "title" FROM "articles" WHERE "articles"."id" = "audit_events"."article_id") WHERE "article_id" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_action";
  CREATE TYPE "public"."enum_audit_events_action" AS ENUM('submit', 'request_changes', 'approve', 'publish', 'schedule', 'unpublish', 'import', 'reimport');
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_events_action" USING "action"::"public"."enum_audit_events_action";
  DROP INDEX "audit_events_article_ref_idx";
  ALTER TABLE "audit_events" ALTER COLUMN "article_id" SET NOT NULL;
  ALTER TABLE "audit_events" DROP COLUMN "article_ref";
  ALTER TABLE "audit_events" DROP COLUMN "article_title";`)
}
