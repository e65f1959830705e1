import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`copyright_holder\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`usage_terms\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`rights_expire_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`copyright_holder\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`usage_terms\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`rights_expire_at\`;`)
}
