import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/**
 * The native `libsql` releases whose statement leak Redaksi's client works around: with libsql
 * 0.5.x every `prepare()` keeps native memory that is never freed (about 4 KB per statement,
 * measured: 100,000 prepares of one SELECT grow RSS by ~440 MB; the same statement prepared once
 * and re-run grows it by ~95 MB). The client therefore prepares each SQL text once per connection
 * (src/db/sqlite/client.ts, MAX_CACHED_STATEMENTS). test/unit/libsqlLeak.test.ts shows the leak:
 * when it fails on a new libsql, the leak is fixed upstream and the cache can be reconsidered.
 */
export const LEAKY_LIBSQL = /^0\.5\./

export const installedLibsqlVersion = (): string | null => {
  try {
    // libsql's exports hide its package.json: walk up from its entry point
    let dir = path.dirname(require.resolve('libsql'))
    for (;;) {
      const file = path.join(dir, 'package.json')
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
        if (pkg.name === 'libsql') return pkg.version ?? null
      }
      const parent = path.dirname(dir)
      if (parent === dir) return null
      dir = parent
    }
  } catch {
    return null
  }
}

/** A warning when the installed libsql is not one the statement cache was measured against. */
export const libsqlVersionWarning = (version = installedLibsqlVersion()): string | null =>
  version !== null && LEAKY_LIBSQL.test(version)
    ? null
    : `libsql ${version ?? '(unknown version)'} is installed; Redaksi's per-connection statement cache works around the statement leak of libsql 0.5.x: re-run test/unit/libsqlLeak.test.ts and drop the cache if the leak is gone`
