import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateDocuments } from '../fixtures/synthetic'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { sqliteFilePath } from '@/config/database'
import { entryArgv } from '@/config/node'
import { IMPORT_LOCK_KEY } from '@/features/import/lock'

/**
 * The importer as operators run it (`npm run seed`): concurrent runs, symbolic links, dry runs,
 * and how a failure is reported.
 */

const root = process.cwd()

type Run = { code: number | null; stdout: string; stderr: string }
type Line = { file: string; status: string; error?: string }

/** `npm run seed` without NODE_ENV (committed migrations), asynchronously so runs can overlap. */
const seed = (
  databaseUri: string,
  args: string[],
  cwd = root,
  extraEnv: Record<string, string> = {},
  onStderr?: (stderr: string) => void,
): Promise<Run> =>
  new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URI: databaseUri,
      PAYLOAD_SECRET: 'x'.repeat(40),
      ...extraEnv,
    }
    Reflect.deleteProperty(env, 'NODE_ENV')
    const child = spawn(
      process.execPath,
      entryArgv('production', path.join(root, 'src/cli/seed.ts'), ...args),
      { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
      onStderr?.(stderr)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

/** Holds the importer's lock from this test process, as a long-running import would. */
const holdImportLock = async (db: TestDatabase): Promise<() => Promise<void>> => {
  if (db.kind === 'sqlite') {
    const lockPath = `${sqliteFilePath(db.uri)!}.import-lock`
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host: os.hostname() }), {
      flag: 'wx',
    })
    return async () => rmSync(lockPath, { force: true })
  }
  const client = new pg.Client({ connectionString: db.uri })
  await client.connect()
  await client.query('SELECT pg_advisory_lock($1)', [IMPORT_LOCK_KEY])
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [IMPORT_LOCK_KEY])
    await client.end()
  }
}

const jsonLines = (stdout: string): Line[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)

const countBy = (lines: Line[]) =>
  lines.reduce<Record<string, number>>(
    (acc, l) => ({ ...acc, [l.status]: (acc[l.status] ?? 0) + 1 }),
    {},
  )

/** Tables in the database (to prove a dry run created none). */
const tableCount = async (db: TestDatabase): Promise<number> => {
  if (db.kind === 'sqlite') {
    const client = createClient({ url: db.uri })
    const res = await client.execute("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    client.close()
    return Number(res.rows[0].n)
  }
  const client = new pg.Client({ connectionString: db.uri })
  await client.connect()
  const res = await client.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
  )
  await client.end()
  return res.rows[0].n as number
}

const DOCUMENTS = 120

describe.each(TEST_DATABASES)('seed importer operations on %s', (kind) => {
  let db: TestDatabase
  let dir: string

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-import-ops-'))
    mkdirSync(path.join(dir, 'many'))
    let i = 0
    for (const doc of generateDocuments(DOCUMENTS)) {
      writeFileSync(path.join(dir, 'many', `${String(i++).padStart(4, '0')}.txt`), doc.text)
    }
  })

  afterAll(async () => {
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('--dry-run touches no database: no file, no tables, no migration', async () => {
    if (kind === 'sqlite') {
      const fresh = path.join(dir, 'never', 'redaksi.db')
      mkdirSync(path.dirname(fresh))
      const run = await seed(`file:${fresh}`, ['--dry-run', '--json', 'seeds'])
      expect(run.code, run.stderr).toBe(0)
      expect(jsonLines(run.stdout).map((l) => l.status)).toEqual(['parsed'])
      expect(run.stderr).toMatch(/no database yet/)
      expect(readdirSync(path.dirname(fresh))).toEqual([])
    }
    // the test database exists but is empty: a dry run reads, it does not migrate
    expect(await tableCount(db)).toBe(0)
    const run = await seed(db.uri, ['--dry-run', '--json', 'seeds'])
    expect(jsonLines(run.stdout).map((l) => l.status)).toEqual(['parsed'])
    expect(await tableCount(db)).toBe(0)
    expect(run.stdout + run.stderr).not.toMatch(/Migrat/)
  })

  it('concurrent runs wait for each other: every document imported once, nothing failed', async () => {
    const target = path.join(dir, 'many')
    // the first run migrates the database (migration locking is tested elsewhere)
    const first = await seed(db.uri, ['--json', 'seeds'])
    expect(first.code, first.stderr).toBe(0)
    const [a, b] = await Promise.all([
      seed(db.uri, ['--json', target]),
      seed(db.uri, ['--json', target]),
    ])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    const counts = [countBy(jsonLines(a.stdout)), countBy(jsonLines(b.stdout))]
    // one run imported everything, the other found it all unchanged
    expect(counts).toEqual(
      expect.arrayContaining([{ imported: DOCUMENTS }, { unchanged: DOCUMENTS }]),
    )
    expect(a.stderr + b.stderr).toMatch(/another import is running on this database/)
  })

  it('waits for a long import however long it takes (not only the per-statement lock wait)', async () => {
    // CI: on a slow machine the first of two runs took longer than DB_LOCK_WAIT_MS, and on
    // Postgres the second gave up with "canceling statement due to lock timeout"
    const release = await holdImportLock(db)
    let released: Promise<void> | null = null
    const run = await seed(
      db.uri,
      ['--json', path.join(dir, 'many', '0000.txt')],
      root,
      { DB_LOCK_WAIT_MS: '200' },
      (stderr) => {
        // let it wait ten times the lock wait, then finish the "other import"
        if (!released && /another import is running/.test(stderr)) {
          released = new Promise((resolve) => setTimeout(resolve, 2_000)).then(release)
        }
      },
    )
    await (released ?? release())
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/another import is running on this database/)
    expect(jsonLines(run.stdout).map((l) => l.status)).toEqual(['unchanged'])
  })

  it('follows symbolic links to files and folders, and reports loops and broken links', async () => {
    const tree = path.join(dir, 'links')
    mkdirSync(path.join(tree, 'real'), { recursive: true })
    const outside = path.join(dir, 'outside')
    mkdirSync(outside)
    copyFileSync(
      path.join(root, 'test/fixtures/documents/g01_liputan6.txt'),
      path.join(outside, 'linked_folder_doc.txt'),
    )
    const elsewhere = path.join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    copyFileSync(
      path.join(root, 'test/fixtures/documents/g02_kumparan.txt'),
      path.join(elsewhere, 'target_of_file_link.txt'),
    )
    copyFileSync(
      path.join(root, 'test/fixtures/documents/g03_bbc_indonesia.txt'),
      path.join(tree, 'real', 'plain.txt'),
    )
    symlinkSync(path.join(elsewhere, 'target_of_file_link.txt'), path.join(tree, 'file_link.txt'))
    symlinkSync(outside, path.join(tree, 'folder_link'))
    symlinkSync(tree, path.join(tree, 'real', 'loop'))
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(tree, 'broken.txt'))

    const run = await seed(db.uri, ['--json', tree])
    const byName = Object.fromEntries(
      jsonLines(run.stdout).map((l) => [path.relative(tree, path.resolve(root, l.file)), l]),
    )
    expect(byName['file_link.txt']?.status).toBe('imported')
    expect(byName[path.join('folder_link', 'linked_folder_doc.txt')]?.status).toBe('imported')
    expect(byName[path.join('real', 'plain.txt')]?.status).toBe('imported')
    expect(byName[path.join('real', 'loop')]).toMatchObject({
      status: 'skipped',
      error: expect.stringMatching(/symbolic link loop/),
    })
    expect(byName['broken.txt']).toMatchObject({
      status: 'skipped',
      error: expect.stringMatching(/broken symbolic link/),
    })
    expect(Object.keys(byName)).toHaveLength(5)
    // skipped entries are reported, not failures
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(path.join(tree, 'real', 'loop'))).toBe(true)
  })

  it('reports a failed document in one line with the database’s reason, no SQL or text', async () => {
    const reason = 'refused by the import test trigger'
    if (kind === 'sqlite') {
      const client = createClient({ url: db.uri })
      await client.execute(
        `CREATE TRIGGER test_refuse_article BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, '${reason}'); END`,
      )
      client.close()
    } else {
      const client = new pg.Client({ connectionString: db.uri })
      await client.connect()
      await client.query(
        `CREATE FUNCTION test_refuse_article() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${reason}'; END $$`,
      )
      await client.query(
        'CREATE TRIGGER test_refuse_article BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION test_refuse_article()',
      )
      await client.end()
    }
    const file = path.join(dir, 'refused.txt')
    copyFileSync(path.join(root, 'test/fixtures/documents/s01_antara.txt'), file)
    const json = await seed(db.uri, ['--json', file])
    expect(json.code).toBe(1)
    const [line] = jsonLines(json.stdout)
    expect(line.status).toBe('failed')
    expect(line.error).toMatch(/^insert into articles failed: .*refused by the import test trigger/)
    expect(line.error).not.toMatch(/\n|params|Failed query|ANTARA/)
    expect(line.error!.length).toBeLessThan(400)

    const text = await seed(db.uri, [file])
    const reported = text.stdout.split('\n').filter((l) => l.includes('refused.txt'))
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatch(/failed .*refused\.txt: insert into articles failed: .*trigger/)
    expect(reported[0].length).toBeLessThan(500)
  })
})
