#!/usr/bin/env bash
# Developers: rebuild the committed initial migrations from the current schema (before the first
# release only; after that, add new migrations with `npm run migrate:create -- name`).
# Needs a scratch Postgres server in PG_SCRATCH_URI (a database named redaksi_migrations is
# created and dropped there).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PG_SCRATCH_URI:=postgres://postgres:postgres@127.0.0.1:5432/postgres}"
rm -f src/migrations/sqlite/*_initial.* src/migrations/postgres/*_initial.*
for d in sqlite postgres; do echo "export const migrations = []" > "src/migrations/$d/index.ts"; done
tmp=$(mktemp -d)
DATABASE_URI="file:$tmp/scratch.db" npm run -s migrate:create -- initial
db_uri="${PG_SCRATCH_URI%/*}/redaksi_migrations"
psql "$PG_SCRATCH_URI" -qc 'DROP DATABASE IF EXISTS redaksi_migrations' -c 'CREATE DATABASE redaksi_migrations'
DATABASE_URI="$db_uri" npm run -s migrate:create -- initial
psql "$PG_SCRATCH_URI" -qc 'DROP DATABASE IF EXISTS redaksi_migrations'
rm -rf "$tmp"
npx prettier --write src/migrations >/dev/null
