import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * No schema change: eight branches (public reads, content, search, API clients, webhooks, desk,
 * photos, import review) each wrote their migration against the snapshot they started from, so
 * the newest snapshot lacked the others' tables and columns. This migration only carries the
 * combined snapshot (the .json next to it) so the next `migrate:create` diffs against the real
 * schema.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
