import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { RedaksiSqliteClient } from '@/db/sqlite/client'
import { DatabaseBusyError, DatabaseGoneError } from '@/db/sqlite/errors'
import { runInDbScope } from '@/db/sqlite/scope'

let dir: string
let file: string
let client: RedaksiSqliteClient

const open = (lockWaitMs = 300) =>
  new RedaksiSqliteClient({ file, lockWaitMs, readers: 2, pragmas: ['synchronous = NORMAL'] })

const count = async (c = client) =>
  Number((await c.execute('SELECT count(*) AS n FROM t')).rows[0].n)

/** Resolves how many 5 ms timer ticks happened while `work` ran: 0 means the loop was blocked. */
const ticksDuring = async (work: () => Promise<unknown>) => {
  let ticks = 0
  const timer = setInterval(() => (ticks += 1), 5)
  try {
    await work().catch(() => undefined)
  } finally {
    clearInterval(timer)
  }
  return ticks
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-sqlite-'))
  file = path.join(dir, 'test.db')
  client = open()
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
})

afterEach(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('Redaksi SQLite client', () => {
  it('returns rows the way drizzle reads them (named, indexed, numbers)', async () => {
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] })
    const rs = await client.execute('SELECT id, v FROM t')
    expect(rs.columns).toEqual(['id', 'v'])
    expect(rs.rows[0].id).toBe(1)
    expect(Array.prototype.slice.call(rs.rows[0])).toEqual([1, 'a'])
    expect(Object.keys(rs.rows[0])).toEqual(['id', 'v'])
    const ins = await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [true] })
    expect(ins.rowsAffected).toBe(1)
    expect(ins.lastInsertRowid).toBe(2n)
  })

  it("joins a scope's out-of-transaction write into its own open transaction (no self-deadlock)", async () => {
    await runInDbScope('request', async () => {
      const tx = await client.transaction('write')
      await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['in tx'] })
      // Payload's forgot-password reservation: a write that steps outside the transaction
      await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['outside'] })
      await tx.rollback()
    })
    expect(await count()).toBe(0)
  })

  it("makes another scope's write wait for the writer, asynchronously, then succeed", async () => {
    let release!: () => void
    const held = runInDbScope('first', async () => {
      const tx = await client.transaction('write')
      await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['first'] })
      await new Promise<void>((resolve) => (release = resolve))
      await tx.commit()
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const second = runInDbScope('second', () =>
      client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['second'] }),
    )
    const ticks = await ticksDuring(async () => {
      await new Promise((resolve) => setTimeout(resolve, 60))
      release()
      await Promise.all([held, second])
    })
    expect(ticks).toBeGreaterThan(3)
    expect(await count()).toBe(2)
  })

  it('nests a transaction in the same scope as a savepoint', async () => {
    await runInDbScope('request', async () => {
      const outer = await client.transaction('write')
      await outer.execute("INSERT INTO t (v) VALUES ('outer')")
      const inner = await client.transaction('write')
      await inner.execute("INSERT INTO t (v) VALUES ('inner')")
      await inner.rollback()
      await outer.commit()
    })
    const rows = (await client.execute('SELECT v FROM t')).rows.map((r) => r.v)
    expect(rows).toEqual(['outer'])
  })

  it('takes several savepoints one after another inside one transaction', async () => {
    await runInDbScope('request', async () => {
      const outer = await client.transaction('write')
      for (const v of ['a', 'b']) {
        const inner = await client.transaction('write')
        await inner.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [v] })
        await inner.commit()
      }
      await outer.commit()
    })
    expect(await count()).toBe(2)
  })

  it('never blocks the event loop on a lock held by another process, and says the database is busy', async () => {
    const other = new Database(file)
    other.exec('BEGIN EXCLUSIVE')
    try {
      let error: unknown
      const started = Date.now()
      const ticks = await ticksDuring(async () => {
        try {
          await client.execute("INSERT INTO t (v) VALUES ('blocked')")
        } catch (err) {
          error = err
        }
      })
      expect(error).toBeInstanceOf(DatabaseBusyError)
      expect((error as DatabaseBusyError).status).toBe(503)
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(ticks).toBeGreaterThan(20)
      await expect(client.transaction('write')).rejects.toBeInstanceOf(DatabaseBusyError)
      // reads go on (WAL)
      expect(await count()).toBe(0)
      await expect(client.probe(200, 't')).rejects.toBeInstanceOf(DatabaseBusyError)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    // and recovers by itself
    await client.execute("INSERT INTO t (v) VALUES ('after')")
    expect(await count()).toBe(1)
    await client.probe(200, 't')
  })

  it('opens a database another process holds (creating it, switching it to WAL) and waits for it instead of failing', async () => {
    // a fresh file, still in rollback-journal mode, locked exclusively by another process: the
    // situation of several processes starting at once on a new database (CI saw "database is
    // locked" from create-admin while two servers and the importer started)
    const fresh = path.join(dir, 'fresh.db')
    const other = new Database(fresh)
    other.exec('CREATE TABLE u (v TEXT)')
    other.exec('BEGIN EXCLUSIVE')
    let late: RedaksiSqliteClient | null = null
    try {
      late = new RedaksiSqliteClient({
        file: fresh,
        lockWaitMs: 3_000,
        readers: 2,
        pragmas: ['synchronous = NORMAL'],
        walJournalSizeLimit: 1 << 20,
      })
      const write = late.execute("INSERT INTO u (v) VALUES ('waited')")
      setTimeout(() => {
        other.exec('COMMIT')
        other.close()
      }, 150)
      await write
      const rows = await late.execute('SELECT v FROM u')
      expect(rows.rows.map((r) => r.v)).toEqual(['waited'])
      const mode = await late.execute('PRAGMA journal_mode')
      expect(mode.rows[0].journal_mode).toBe('wal')
    } finally {
      late?.close()
      if (other.open) other.close()
    }
  })

  it('commits a write made after a busy failure (libsql leaves a failed statement open)', async () => {
    const other = new Database(file)
    other.exec('BEGIN EXCLUSIVE')
    await expect(client.execute("INSERT INTO t (v) VALUES ('busy')")).rejects.toBeInstanceOf(
      DatabaseBusyError,
    )
    other.exec('ROLLBACK')
    await client.execute("INSERT INTO t (v) VALUES ('client after')")
    client.close()
    const seen = new Database(file)
    const values = (seen.prepare('SELECT v FROM t').raw(true).all() as string[][]).map((r) => r[0])
    expect(values).toEqual(['client after'])
    seen.close()
    other.close()
    client = open()
  })

  it('keeps no snapshot open after reads and writes: a checkpoint copies every frame', async () => {
    for (let i = 0; i < 50; i++) {
      await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${i}`] })
      await client.execute('SELECT * FROM t')
    }
    const other = new Database(file)
    try {
      const [busy, log, done] = other
        .prepare('PRAGMA wal_checkpoint(PASSIVE)')
        .raw(true)
        .all()[0] as number[]
      expect(busy).toBe(0)
      expect(log).toBeGreaterThan(0)
      expect(done).toBe(log)
    } finally {
      other.close()
    }
  })

  it('refuses writes when its database file was removed, instead of creating a new empty one', async () => {
    await client.execute("INSERT INTO t (v) VALUES ('x')")
    rmSync(file)
    rmSync(`${file}-wal`, { force: true })
    rmSync(`${file}-shm`, { force: true })
    await expect(client.execute("INSERT INTO t (v) VALUES ('y')")).rejects.toBeInstanceOf(
      DatabaseGoneError,
    )
    await expect(client.probe(200, 't')).rejects.toBeInstanceOf(DatabaseGoneError)
  })

  it('rolls back and recovers after a failing statement inside a transaction', async () => {
    await client.execute('CREATE UNIQUE INDEX t_v ON t (v)')
    await client.execute("INSERT INTO t (v) VALUES ('dup')")
    await runInDbScope('request', async () => {
      const tx = await client.transaction('write')
      await expect(tx.execute("INSERT INTO t (v) VALUES ('dup')")).rejects.toThrow(/UNIQUE/)
      await tx.rollback()
    })
    await client.execute("INSERT INTO t (v) VALUES ('next')")
    expect(await count()).toBe(2)
  })
})
