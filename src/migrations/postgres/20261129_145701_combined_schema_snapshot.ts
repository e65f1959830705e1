import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * No schema change: two migrations written side by side (related-visibility flags; audit trail
 * survives deletion) each recorded a snapshot without the other's columns. This migration only
 * carries the combined snapshot (the .json next to it) so the next `migrate:create` diffs against
 * the real schema.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
