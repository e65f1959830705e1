import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { DEFAULT_SQLITE_URI, redactUri, resolveDatabase, sqliteFilePath } from '@/config/database'
import { ConfigError } from '@/config/errors'
import { resolveSecret } from '@/config/secret'
import { SERVER_MAX_HEAP_MB, serverArgv, serverHeapFlag } from '@/config/node'

describe('resolveDatabase', () => {
  it.each([
    [undefined, 'sqlite', DEFAULT_SQLITE_URI],
    ['', 'sqlite', DEFAULT_SQLITE_URI],
    ['file:/tmp/x.db', 'sqlite', 'file:/tmp/x.db'],
    ['postgres://u:p@h:5432/db', 'postgres', 'postgres://u:p@h:5432/db'],
    ['postgresql://h/db', 'postgres', 'postgresql://h/db'],
    ['mongodb://h:27017/db', 'mongodb', 'mongodb://h:27017/db'],
    ['mongodb+srv://cluster.example/db', 'mongodb', 'mongodb+srv://cluster.example/db'],
    ['mongodb-memory', 'mongodb-memory', 'mongodb-memory'],
  ])('%s → %s', (uri, kind, resolved) => {
    expect(resolveDatabase(uri, 'production')).toEqual({ kind, uri: resolved })
  })

  it('gives the dev server (schema push) its own default file', () => {
    expect(resolveDatabase(undefined, 'development').uri).toBe('file:./data/redaksi-dev.db')
    expect(resolveDatabase(undefined, 'production').uri).toBe(DEFAULT_SQLITE_URI)
  })

  it('names the unknown scheme and lists the supported ones', () => {
    expect(() => resolveDatabase('mysql://h/db')).toThrow(ConfigError)
    expect(() => resolveDatabase('mysql://h/db')).toThrow(
      /unsupported scheme "mysql:".*postgres:\/\/.*mongodb-memory/,
    )
  })

  it('finds the SQLite file path and hides passwords', () => {
    expect(sqliteFilePath('file:./data/redaksi.db')).toBe('./data/redaksi.db')
    expect(sqliteFilePath('file::memory:')).toBeNull()
    expect(redactUri('postgres://user:secret@h:5432/db')).toBe('postgres://user:***@h:5432/db')
  })
})

describe('resolveSecret', () => {
  const dirs: string[] = []
  const tmp = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'redaksi-secret-'))
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('requires a real secret in production', () => {
    expect(() => resolveSecret({ NODE_ENV: 'production' }, tmp())).toThrow(
      /PAYLOAD_SECRET is required/,
    )
    expect(() =>
      resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'changeme' }, tmp()),
    ).toThrow(/placeholder/)
    expect(() => resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }, tmp())).toThrow(
      /32 characters/,
    )
    const good = 'k'.repeat(40)
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: good }, tmp())).toBe(good)
  })

  it('generates a development secret once and keeps it', () => {
    const dir = tmp()
    const first = resolveSecret({ NODE_ENV: 'development' }, dir)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(path.join(dir, 'payload-secret'), 'utf8').trim()).toBe(first)
    expect(resolveSecret({ NODE_ENV: 'development' }, dir)).toBe(first)
  })

  it('lets the local npm start use the generated secret', () => {
    const dir = tmp()
    expect(resolveSecret({ NODE_ENV: 'production', REDAKSI_LOCAL_START: '1' }, dir)).toMatch(
      /^[0-9a-f]{64}$/,
    )
  })
})

describe('the server heap budget', () => {
  it('defaults to SERVER_MAX_HEAP_MB, which npm start spells the same way', () => {
    expect(serverHeapFlag({})).toBe(`--max-old-space-size=${SERVER_MAX_HEAP_MB}`)
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.start).toContain(
      `--max-old-space-size=\${REDAKSI_MAX_HEAP_MB:-${SERVER_MAX_HEAP_MB}}`,
    )
    expect(serverArgv('production', 'x.ts')[0]).toBe(serverHeapFlag())
  })

  it('takes REDAKSI_MAX_HEAP_MB and refuses nonsense, naming the variable', () => {
    expect(serverHeapFlag({ REDAKSI_MAX_HEAP_MB: '2048' })).toBe('--max-old-space-size=2048')
    for (const bad of ['lots', '64', '1.5', '-1', '999999']) {
      expect(() => serverHeapFlag({ REDAKSI_MAX_HEAP_MB: bad })).toThrow(/REDAKSI_MAX_HEAP_MB/)
    }
  })
})
