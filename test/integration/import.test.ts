import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'
import { entryArgv } from '@/config/node'

const root = process.cwd()

/** No NODE_ENV: the CLI then runs as `npm run seed` does (committed migrations). */
const cliEnv = (databaseUri: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: 'x'.repeat(40),
  }
  Reflect.deleteProperty(env, 'NODE_ENV')
  return env
}

/** Runs `npm run seed` the way an operator does (through tsx, with the real config). */
const seed = (databaseUri: string, args: string[]) => {
  const res = spawnSync(
    process.execPath,
    entryArgv('development', path.join(root, 'src/cli/seed.ts'), ...args),
    {
      cwd: root,
      env: cliEnv(databaseUri),
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          file: string
          status: string
          error?: string
          article?: { title: string }
        },
    )

describe.each(TEST_DATABASES)('seed import on %s', (kind) => {
  let db: TestDatabase
  let dir: string

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-import-'))
    mkdirSync(path.join(dir, 'batch'))
    copyFileSync(
      path.join(root, 'seeds/000_4fd9d068e36e76ef.txt'),
      path.join(dir, 'batch/a_seed.txt'),
    )
    copyFileSync(
      path.join(root, 'test/fixtures/documents/s01_antara.txt'),
      path.join(dir, 'batch/b_antara.txt'),
    )
    writeFileSync(path.join(dir, 'batch/c_empty.txt'), '')
    writeFileSync(
      path.join(dir, 'batch/d_binary.txt'),
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]),
    )
    copyFileSync(
      path.join(root, 'test/fixtures/documents/s02_tribunnews.txt'),
      path.join(dir, 'batch/e_tribun.txt'),
    )
  })

  afterAll(async () => {
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('dry run prints the parsed seed as JSON and writes nothing', () => {
    const run = seed(db.uri, ['--dry-run', '--json', 'seeds'])
    expect(run.code).toBe(0)
    const [line] = jsonLines(run.stdout)
    expect(line.file).toBe('seeds/000_4fd9d068e36e76ef.txt')
    expect(line.status).toBe('parsed')
    expect(line.article?.title).toBe(
      'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia',
    )
    const again = jsonLines(seed(db.uri, ['--dry-run', '--json', 'seeds']).stdout)
    expect(again[0].status).toBe('parsed')
  })

  it('imports a batch, reports the bad files and goes on (exit 1)', () => {
    const run = seed(db.uri, ['--json', path.join(dir, 'batch')])
    expect(run.code).toBe(1)
    const results = jsonLines(run.stdout)
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.file), r]))
    expect(byName['a_seed.txt'].status).toBe('imported')
    expect(byName['b_antara.txt'].status).toBe('imported')
    expect(byName['e_tribun.txt'].status).toBe('imported')
    expect(byName['c_empty.txt']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/empty/),
    })
    expect(byName['d_binary.txt']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/binary/),
    })
  })

  it('is idempotent: a second run imports nothing new', () => {
    const run = seed(db.uri, ['--json', path.join(dir, 'batch'), path.join(dir, 'batch/*.txt')])
    const statuses = jsonLines(run.stdout).map((r) => [path.basename(r.file), r.status])
    expect(statuses.filter(([, s]) => s === 'imported' || s === 'updated')).toEqual([])
    expect(
      statuses
        .filter(([, s]) => s === 'unchanged')
        .map(([f]) => f)
        .sort(),
    ).toEqual(['a_seed.txt', 'b_antara.txt', 'e_tribun.txt'])
  })

  it('reports a copy of an imported document as a duplicate', () => {
    copyFileSync(path.join(dir, 'batch/a_seed.txt'), path.join(dir, 'copy_of_seed.txt'))
    const dry = jsonLines(
      seed(db.uri, ['--dry-run', '--json', path.join(dir, 'copy_of_seed.txt')]).stdout,
    )
    expect(dry[0].status).toBe('duplicate')
    const real = jsonLines(seed(db.uri, ['--json', path.join(dir, 'copy_of_seed.txt')]).stdout)
    expect(real[0].status).toBe('duplicate')
  })

  it('updates an unedited article when its source changed, but keeps a person’s edits', async () => {
    const antara = path.join(dir, 'batch/b_antara.txt')
    const tribun = path.join(dir, 'batch/e_tribun.txt')
    const { readFileSync } = await import('node:fs')
    writeFileSync(antara, readFileSync(antara, 'utf8').replace('3.000 hektare', '3.500 hektare'))
    const updated = jsonLines(seed(db.uri, ['--json', antara]).stdout)
    expect(updated[0].status).toBe('updated')

    // a person edits the Tribun article through the Local API
    const payload = await localPayload(db.uri)
    try {
      const found = await payload.find({
        collection: 'articles',
        where: { 'source.fileName': { contains: 'e_tribun.txt' } },
        draft: true,
      })
      expect(found.totalDocs).toBe(1)
      await payload.update({
        collection: 'articles',
        id: found.docs[0].id,
        data: { title: 'Judul yang disunting redaktur' },
        draft: true,
      })
      writeFileSync(tribun, readFileSync(tribun, 'utf8').replace('80 sentimeter', '90 sentimeter'))
      const conflict = jsonLines(seed(db.uri, ['--json', tribun]).stdout)
      expect(conflict[0].status).toBe('conflict')
      const after = await payload.findByID({
        collection: 'articles',
        id: found.docs[0].id,
        draft: true,
      })
      expect(after.title).toBe('Judul yang disunting redaktur')
    } finally {
      await closePayload(payload)
    }
  })

  it('refuses bad usage with exit code 2', () => {
    const run = seed(db.uri, ['--no-such-flag'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/usage: npm run seed/)
  })
})
