import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`copyright_holder\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`usage_terms\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`rights_expire_at\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`copyright_holder\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`usage_terms\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`rights_expire_at\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
}
