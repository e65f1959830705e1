import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_editors_notifications_language" AS ENUM('en', 'id');
  CREATE TYPE "public"."enum_corrections_kind" AS ENUM('correction', 'update', 'clarification');
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'assign';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'timing';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'correct';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'unpublishScheduledArticle';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendNotification';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'unpublishScheduledArticle';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendNotification';
  CREATE TABLE "corrections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"kind" "enum_corrections_kind" DEFAULT 'correction' NOT NULL,
  	"text" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "unpublish_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_unpublish_at" timestamp(3) with time zone;
  ALTER TABLE "editors" ADD COLUMN "notifications_language" "enum_editors_notifications_language" DEFAULT 'en';
  ALTER TABLE "editors" ADD COLUMN "notifications_on_submitted" boolean DEFAULT true;
  ALTER TABLE "editors" ADD COLUMN "notifications_on_assigned" boolean DEFAULT true;
  ALTER TABLE "editors" ADD COLUMN "notifications_on_changes_requested" boolean DEFAULT true;
  ALTER TABLE "editors" ADD COLUMN "notifications_on_published" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "corrections_id" integer;
  ALTER TABLE "corrections" ADD CONSTRAINT "corrections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "corrections_article_idx" ON "corrections" USING btree ("article_id");
  CREATE INDEX "corrections_date_idx" ON "corrections" USING btree ("date");
  CREATE INDEX "corrections_updated_at_idx" ON "corrections" USING btree ("updated_at");
  CREATE INDEX "corrections_created_at_idx" ON "corrections" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_editors_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assignee_id_editors_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_corrections_fk" FOREIGN KEY ("corrections_id") REFERENCES "public"."corrections"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_assignee_idx" ON "articles" USING btree ("assignee_id");
  CREATE INDEX "articles_embargo_until_idx" ON "articles" USING btree ("embargo_until");
  CREATE INDEX "articles_unpublish_at_idx" ON "articles" USING btree ("unpublish_at");
  CREATE INDEX "_articles_v_version_version_assignee_idx" ON "_articles_v" USING btree ("version_assignee_id");
  CREATE INDEX "_articles_v_version_version_embargo_until_idx" ON "_articles_v" USING btree ("version_embargo_until");
  CREATE INDEX "_articles_v_version_version_unpublish_at_idx" ON "_articles_v" USING btree ("version_unpublish_at");
  CREATE INDEX "payload_locked_documents_rels_corrections_id_idx" ON "payload_locked_documents_rels" USING btree ("corrections_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "corrections" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "corrections" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_assignee_id_editors_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_assignee_id_editors_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_corrections_fk";
  
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_action";
  CREATE TYPE "public"."enum_audit_events_action" AS ENUM('submit', 'request_changes', 'approve', 'publish', 'schedule', 'unpublish', 'publish_changes', 'import', 'reimport', 'create', 'delete');
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_events_action" USING "action"::"public"."enum_audit_events_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'publishScheduledArticle');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'publishScheduledArticle');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_assignee_idx";
  DROP INDEX "articles_embargo_until_idx";
  DROP INDEX "articles_unpublish_at_idx";
  DROP INDEX "_articles_v_version_version_assignee_idx";
  DROP INDEX "_articles_v_version_version_embargo_until_idx";
  DROP INDEX "_articles_v_version_version_unpublish_at_idx";
  DROP INDEX "payload_locked_documents_rels_corrections_id_idx";
  ALTER TABLE "articles" DROP COLUMN "assignee_id";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "articles" DROP COLUMN "unpublish_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_unpublish_at";
  ALTER TABLE "editors" DROP COLUMN "notifications_language";
  ALTER TABLE "editors" DROP COLUMN "notifications_on_submitted";
  ALTER TABLE "editors" DROP COLUMN "notifications_on_assigned";
  ALTER TABLE "editors" DROP COLUMN "notifications_on_changes_requested";
  ALTER TABLE "editors" DROP COLUMN "notifications_on_published";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "corrections_id";
  DROP TYPE "public"."enum_editors_notifications_language";
  DROP TYPE "public"."enum_corrections_kind";`)
}
