import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "source_confidence" jsonb;
  ALTER TABLE "articles" ADD COLUMN "source_needs_attention" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_confidence" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_needs_attention" boolean;
  CREATE INDEX "articles_source_source_needs_attention_idx" ON "articles" USING btree ("source_needs_attention");
  CREATE INDEX "_articles_v_version_source_version_source_needs_attentio_idx" ON "_articles_v" USING btree ("version_source_needs_attention");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_source_source_needs_attention_idx";
  DROP INDEX "_articles_v_version_source_version_source_needs_attentio_idx";
  ALTER TABLE "articles" DROP COLUMN "source_confidence";
  ALTER TABLE "articles" DROP COLUMN "source_needs_attention";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_confidence";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_needs_attention";`)
}
