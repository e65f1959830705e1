import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The audit trail survives an article's deletion: `article_id` becomes nullable (the foreign key
 * already sets it to NULL on delete) and every row keeps the article's id and title
 * (`article_ref`, `article_title`, filled in here for existing rows). Edited by hand: drizzle-kit
 * copied the new columns from the old table; they are derived instead. SQLite ignores
 * `PRAGMA foreign_keys` inside the migration's transaction, so dropping the old table also drops
 * document locks held on audit events (there are none in practice: nobody edits audit events).
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_audit_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_label\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`article_id\` integer,
  	\`article_ref\` text,
  	\`article_title\` text,
  	\`from_state\` text,
  	\`to_state\` text,
  	\`note\` text,
  	\`version_id\` text,
  	\`override\` text,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_audit_events\`("id", "at", "actor_id", "actor_label", "action", "article_id", "article_ref", "article_title", "from_state", "to_state", "note", "version_id", "override", "summary", "updated_at", "created_at") SELECT "id", "at", "actor_id", "actor_label", "action", "article_id", CAST("article_id" AS TEXT), (SELECT "title" FROM \`articles\` WHERE \`articles\`."id" = \`audit_events\`."article_id"), "from_state", "to_state", "note", "version_id", "override", "summary", "updated_at", "created_at" FROM \`audit_events\`;`,
  )
  await db.run(sql`DROP TABLE \`audit_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_events\` RENAME TO \`audit_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_actor_idx\` ON \`audit_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_article_idx\` ON \`audit_events\` (\`article_id\`);`)
  await db.run(
    sql`CREATE INDEX \`audit_events_article_ref_idx\` ON \`audit_events\` (\`article_ref\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_audit_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_label\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`from_state\` text,
  	\`to_state\` text,
  	\`note\` text,
  	\`version_id\` text,
  	\`override\` text,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`editors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_audit_events\`("id", "at", "actor_id", "actor_label", "action", "article_id", "from_state", "to_state", "note", "version_id", "override", "summary", "updated_at", "created_at") SELECT "id", "at", "actor_id", "actor_label", "action", "article_id", "from_state", "to_state", "note", "version_id", "override", "summary", "updated_at", "created_at" FROM \`audit_events\`;`,
  )
  await db.run(sql`DROP TABLE \`audit_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_events\` RENAME TO \`audit_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_actor_idx\` ON \`audit_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_article_idx\` ON \`audit_events\` (\`article_id\`);`)
  await db.run(
    sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`,
  )
}
