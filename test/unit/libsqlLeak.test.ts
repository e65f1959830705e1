import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { installedLibsqlVersion, libsqlVersionWarning } from '@/db/sqlite/libsqlVersion'

const growthMb = (count: number, mode: 'cached' | 'uncached'): number => {
  const res = spawnSync(
    process.execPath,
    ['--expose-gc', path.resolve('test/fixtures/libsqlPrepares.mjs'), String(count), mode],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } },
  )
  if (res.status !== 0) throw new Error(res.stderr)
  return Number(res.stdout)
}

describe('libsql statement leak (why src/db/sqlite/client.ts caches prepared statements)', () => {
  it('the installed libsql is one the cache was measured against (0.5.x), so start-up does not warn', () => {
    expect(installedLibsqlVersion()).toMatch(/^0\.5\./)
    expect(libsqlVersionWarning()).toBeNull()
    expect(libsqlVersionWarning('0.6.0')).toMatch(/libsql 0\.6\.0 is installed/)
  })

  it('preparing a statement again and again keeps native memory; preparing it once does not', () => {
    const n = 20_000
    const uncached = growthMb(n, 'uncached')
    const cached = growthMb(n, 'cached')
    // measured with libsql 0.5.29: ~90 MB vs ~20 MB for 20,000 runs (about 4 KB leaked per prepare).
    // When this fails on a newer libsql the leak is fixed: the cache can be reconsidered.
    expect(uncached - cached, `uncached +${uncached} MB, cached +${cached} MB`).toBeGreaterThan(30)
  }, 60_000)
})
