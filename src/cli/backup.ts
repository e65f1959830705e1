/**
 * npm run backup [-- [--force] [PATH]]
 * Online backup of the configured database (DATABASE_URI): SQLite with VACUUM INTO (safe while the
 * server runs), Postgres with pg_dump (custom format). Default PATH: backups/redaksi-<UTC time>.db
 * or .dump. Exit 0 when written, 1 when the backup failed, 2 for usage errors.
 */
import './env'

import { parseArgs } from 'node:util'

import { backupDatabase, defaultBackupPath, isBackupError } from '@/backup'
import { redactUri } from '@/config/database'
import { env } from '@/config/env'
import { isConfigError } from '@/config/errors'
import { safeErrorMessage } from '@/logging/safeError'

const usage = `usage: npm run backup -- [--force] [PATH]
  PATH      where to write the backup (default: backups/redaksi-<UTC time>.db, .dump for Postgres)
  --force   replace PATH if it exists`

let args: { values: { force?: boolean; help?: boolean }; positionals: string[] }
try {
  args = parseArgs({
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  })
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`)
  process.exit(2)
}
if (args.values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}
if (args.positionals.length > 1) {
  process.stderr.write(`one backup path at most\n${usage}\n`)
  process.exit(2)
}

const main = async () => {
  const target = env.database()
  const file = args.positionals[0] ?? defaultBackupPath(target)
  const started = Date.now()
  const result = await backupDatabase(target, file, { force: Boolean(args.values.force) })
  process.stdout.write(
    `backed up ${target.kind} database ${redactUri(target.uri)} to ${result.file} (${(result.bytes / 1024).toFixed(0)} KB, ${Date.now() - started} ms)\n`,
  )
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known = isBackupError(err) || isConfigError(err)
    process.stderr.write(
      `redaksi: backup failed: ${known ? (err as Error).message : safeErrorMessage(err)}\n`,
    )
    process.exit(1)
  },
)
