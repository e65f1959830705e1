import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`corrections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`kind\` text DEFAULT 'correction' NOT NULL,
  	\`text\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`corrections_article_idx\` ON \`corrections\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`corrections_date_idx\` ON \`corrections\` (\`date\`);`)
  await db.run(
    sql`CREATE INDEX \`corrections_updated_at_idx\` ON \`corrections\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`corrections_created_at_idx\` ON \`corrections\` (\`created_at\`);`,
  )
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignee_id\` integer REFERENCES editors(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`unpublish_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_assignee_idx\` ON \`articles\` (\`assignee_id\`);`)
  await db.run(
    sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`,
  )
  await db.run(sql`CREATE INDEX \`articles_unpublish_at_idx\` ON \`articles\` (\`unpublish_at\`);`)
  await db.run(
    sql`ALTER TABLE \`_articles_v\` ADD \`version_assignee_id\` integer REFERENCES editors(id);`,
  )
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_unpublish_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_assignee_idx\` ON \`_articles_v\` (\`version_assignee_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_unpublish_at_idx\` ON \`_articles_v\` (\`version_unpublish_at\`);`,
  )
  await db.run(sql`ALTER TABLE \`editors\` ADD \`notifications_language\` text DEFAULT 'en';`)
  await db.run(
    sql`ALTER TABLE \`editors\` ADD \`notifications_on_submitted\` integer DEFAULT true;`,
  )
  await db.run(sql`ALTER TABLE \`editors\` ADD \`notifications_on_assigned\` integer DEFAULT true;`)
  await db.run(
    sql`ALTER TABLE \`editors\` ADD \`notifications_on_changes_requested\` integer DEFAULT true;`,
  )
  await db.run(
    sql`ALTER TABLE \`editors\` ADD \`notifications_on_published\` integer DEFAULT true;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`corrections_id\` integer REFERENCES corrections(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_corrections_id_idx\` ON \`payload_locked_documents_rels\` (\`corrections_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`corrections\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`featured_media_id\` integer,
  	\`language\` text DEFAULT 'id',
  	\`dateline\` text,
  	\`outlet\` text,
  	\`published_at\` text,
  	\`workflow_status\` text DEFAULT 'draft',
  	\`publish_at\` text,
  	\`submitted_by_id\` integer,
  	\`created_by_id\` integer,
  	\`source_outlet\` text,
  	\`source_editor\` text,
  	\`source_file_name\` text,
  	\`source_content_hash\` text,
  	\`source_imported_at\` text,
  	\`source_imported_version_hash\` text,
  	\`source_warnings\` text,
  	\`source_boilerplate\` text,
  	\`source_raw_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`featured_media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_articles\`("id", "title", "slug", "summary", "body", "featured_media_id", "language", "dateline", "outlet", "published_at", "workflow_status", "publish_at", "submitted_by_id", "created_by_id", "source_outlet", "source_editor", "source_file_name", "source_content_hash", "source_imported_at", "source_imported_version_hash", "source_warnings", "source_boilerplate", "source_raw_text", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "body", "featured_media_id", "language", "dateline", "outlet", "published_at", "workflow_status", "publish_at", "submitted_by_id", "created_by_id", "source_outlet", "source_editor", "source_file_name", "source_content_hash", "source_imported_at", "source_imported_version_hash", "source_warnings", "source_boilerplate", "source_raw_text", "updated_at", "created_at", "_status" FROM \`articles\`;`,
  )
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(
    sql`CREATE INDEX \`articles_featured_media_idx\` ON \`articles\` (\`featured_media_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`articles_outlet_idx\` ON \`articles\` (\`outlet\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(
    sql`CREATE INDEX \`articles_workflow_status_idx\` ON \`articles\` (\`workflow_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`articles_submitted_by_idx\` ON \`articles\` (\`submitted_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(
    sql`CREATE INDEX \`articles_source_source_file_name_idx\` ON \`articles\` (\`source_file_name\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`articles_source_source_content_hash_idx\` ON \`articles\` (\`source_content_hash\`);`,
  )
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_featured_media_id\` integer,
  	\`version_language\` text DEFAULT 'id',
  	\`version_dateline\` text,
  	\`version_outlet\` text,
  	\`version_published_at\` text,
  	\`version_workflow_status\` text DEFAULT 'draft',
  	\`version_publish_at\` text,
  	\`version_submitted_by_id\` integer,
  	\`version_created_by_id\` integer,
  	\`version_source_outlet\` text,
  	\`version_source_editor\` text,
  	\`version_source_file_name\` text,
  	\`version_source_content_hash\` text,
  	\`version_source_imported_at\` text,
  	\`version_source_imported_version_hash\` text,
  	\`version_source_warnings\` text,
  	\`version_source_boilerplate\` text,
  	\`version_source_raw_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_featured_media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_body", "version_featured_media_id", "version_language", "version_dateline", "version_outlet", "version_published_at", "version_workflow_status", "version_publish_at", "version_submitted_by_id", "version_created_by_id", "version_source_outlet", "version_source_editor", "version_source_file_name", "version_source_content_hash", "version_source_imported_at", "version_source_imported_version_hash", "version_source_warnings", "version_source_boilerplate", "version_source_raw_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_body", "version_featured_media_id", "version_language", "version_dateline", "version_outlet", "version_published_at", "version_workflow_status", "version_publish_at", "version_submitted_by_id", "version_created_by_id", "version_source_outlet", "version_source_editor", "version_source_file_name", "version_source_content_hash", "version_source_imported_at", "version_source_imported_version_hash", "version_source_warnings", "version_source_boilerplate", "version_source_raw_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_featured_media_idx\` ON \`_articles_v\` (\`version_featured_media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_outlet_idx\` ON \`_articles_v\` (\`version_outlet\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_workflow_status_idx\` ON \`_articles_v\` (\`version_workflow_status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_submitted_by_idx\` ON \`_articles_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_source_version_source_file_name_idx\` ON \`_articles_v\` (\`version_source_file_name\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_source_version_source_content_hash_idx\` ON \`_articles_v\` (\`version_source_content_hash\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`media_id\` integer,
  	\`authors_id\` integer,
  	\`editors_id\` integer,
  	\`audit_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`editors_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_events_id\`) REFERENCES \`audit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "media_id", "authors_id", "editors_id", "audit_events_id") SELECT "id", "order", "parent_id", "path", "articles_id", "media_id", "authors_id", "editors_id", "audit_events_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_editors_id_idx\` ON \`payload_locked_documents_rels\` (\`editors_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`editors\` DROP COLUMN \`notifications_language\`;`)
  await db.run(sql`ALTER TABLE \`editors\` DROP COLUMN \`notifications_on_submitted\`;`)
  await db.run(sql`ALTER TABLE \`editors\` DROP COLUMN \`notifications_on_assigned\`;`)
  await db.run(sql`ALTER TABLE \`editors\` DROP COLUMN \`notifications_on_changes_requested\`;`)
  await db.run(sql`ALTER TABLE \`editors\` DROP COLUMN \`notifications_on_published\`;`)
}
