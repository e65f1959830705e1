/**
 * npm run restore -- [--force] PATH
 * Restores a backup made by `npm run backup` into the configured database (DATABASE_URI). A
 * database that already holds tables is refused unless --force (then it is replaced as a whole;
 * stop the server first). Exit 0 when restored, 1 when refused or failed, 2 for usage errors.
 */
import './env'

import { parseArgs } from 'node:util'

import { isBackupError, restoreDatabase } from '@/backup'
import { redactUri } from '@/config/database'
import { env } from '@/config/env'
import { isConfigError } from '@/config/errors'
import { safeErrorMessage } from '@/logging/safeError'

const usage = `usage: npm run restore -- [--force] PATH
  PATH      a backup written by npm run backup
  --force   replace a database that already holds data (stop the server first)`

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
if (args.positionals.length !== 1) {
  process.stderr.write(`name exactly one backup to restore\n${usage}\n`)
  process.exit(2)
}

const main = async () => {
  const target = env.database()
  const file = args.positionals[0]
  const started = Date.now()
  await restoreDatabase(target, file, { force: Boolean(args.values.force) })
  process.stdout.write(
    `restored ${file} into ${target.kind} database ${redactUri(target.uri)} (${Date.now() - started} ms)\n`,
  )
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known = isBackupError(err) || isConfigError(err)
    process.stderr.write(
      `redaksi: restore failed: ${known ? (err as Error).message : safeErrorMessage(err)}\n`,
    )
    process.exit(1)
  },
)
