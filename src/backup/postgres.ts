import { spawnSync } from 'node:child_process'

import { childEnv } from '@/config/env'

import { BackupError } from './errors'

/** The connection string without its password, and the password for PGPASSWORD (never on argv). */
const connection = (uri: string): { uri: string; env: NodeJS.ProcessEnv } => {
  const url = new URL(uri)
  const password = decodeURIComponent(url.password)
  url.password = ''
  return {
    uri: url.toString(),
    env: childEnv(password ? { PGPASSWORD: password } : {}),
  }
}

const run = (tool: string, args: string[], env: NodeJS.ProcessEnv): string => {
  const res = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (res.error) {
    const missing = (res.error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new BackupError(
      missing
        ? `${tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`
        : `${tool} could not run: ${res.error.message}`,
    )
  }
  if (res.status !== 0) {
    const reason = (res.stderr || res.stdout || '').trim().split('\n').slice(-3).join(' ')
    throw new BackupError(`${tool} failed (exit ${res.status}): ${reason}`)
  }
  return res.stdout
}

/** Tables in the database's public schema. */
export const postgresTableCount = (uri: string): number => {
  const { uri: safe, env } = connection(uri)
  const out = run(
    'psql',
    [
      '--no-psqlrc',
      '-At',
      '-d',
      safe,
      '-c',
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    ],
    env,
  )
  return Number(out.trim())
}

/** `pg_dump` in its custom format (compressed, restorable table by table with pg_restore). */
export const backupPostgres = (uri: string, target: string): void => {
  const { uri: safe, env } = connection(uri)
  run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, '-d', safe],
    env,
  )
}

/**
 * `pg_restore` into the target database. With `replace`, the public schema is dropped and
 * recreated first, so the result holds exactly what the backup holds.
 */
export const restorePostgres = (uri: string, backup: string, replace: boolean): void => {
  const { uri: safe, env } = connection(uri)
  // fails early, with pg_restore's own words, on a file that is not a custom-format dump
  run('pg_restore', ['--list', backup], env)
  if (replace) {
    run(
      'psql',
      [
        '--no-psqlrc',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        safe,
        '-c',
        'DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
      ],
      env,
    )
  }
  run(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '-d',
      safe,
      backup,
    ],
    env,
  )
}
