import { describe, expect, it } from 'vitest'

import { redactSqlText, safeErrorMessage, serializeError } from '@/logging/safeError'

/** Shaped like drizzle-orm's DrizzleQueryError (message "Failed query: <sql>\nparams: <values>"). */
class QueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause?: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params}`)
    this.cause = cause
  }
}

const sqliteCause = Object.assign(
  new Error('SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: articles.slug'),
  { code: 'SQLITE_CONSTRAINT_UNIQUE' },
)
const pgCause = Object.assign(
  new Error('duplicate key value violates unique constraint "editors_email_idx"'),
  { code: '23505', detail: 'Key (email)=(secret@example.com) already exists.' },
)
const rawText = 'JAKARTA — Teks mentah dokumen\nbaris kedua, secret@example.com'

describe('safe error messages', () => {
  it('keeps the database’s reason of a failed query and drops the SQL and its values', () => {
    const err = new QueryError(
      'insert into "articles" ("title", "raw") values (?, ?)',
      ['Judul', rawText],
      sqliteCause,
    )
    const message = safeErrorMessage(err)
    expect(message).toBe(
      'insert into articles failed: SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: articles.slug',
    )
    expect(message).not.toMatch(/\n/)
  })

  it('drops Postgres’ detail (it repeats the values) and keeps the constraint', () => {
    const err = new QueryError('update "editors" set "email" = $1', ['secret@example.com'], pgCause)
    const serialized = JSON.stringify(serializeError(err))
    expect(serialized).toContain('duplicate key value violates unique constraint')
    expect(serialized).toContain('"code":"23505"')
    expect(serialized).not.toContain('secret@example.com')
    expect(serialized).not.toMatch(/params|detail/)
  })

  it('rebuilds the stack header from the safe message', () => {
    const err = new QueryError('select "id" from "editors" where "email" = ?', [
      'secret@example.com',
    ])
    const serialized = serializeError(err) as { stack: string; message: string }
    expect(serialized.message).toBe('select editors failed: no reason given by the database')
    expect(serialized.stack.split('\n')[0]).toBe(`Error: ${serialized.message}`)
    expect(serialized.stack).toMatch(/\n\s+at /)
    expect(serialized.stack).not.toContain('secret@example.com')
  })

  it('redacts a failed query quoted in free text, up to the stack frames', () => {
    const text = `seed failed: Failed query: insert into "media" values (?)\nparams: ${rawText}\n    at insert (file.js:1:1)`
    const redacted = redactSqlText(text)
    expect(redacted).not.toContain('secret@example.com')
    expect(redacted).not.toContain('Teks mentah')
    expect(redacted).toContain('    at insert (file.js:1:1)')
  })

  it('bounds the length and keeps ordinary messages', () => {
    expect(safeErrorMessage(new Error('x'.repeat(2000))).length).toBeLessThanOrEqual(400)
    expect(safeErrorMessage(new Error('plain\nproblem'))).toBe('plain problem')
    expect(safeErrorMessage('a string')).toBe('a string')
  })
})
