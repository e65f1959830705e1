/**
 * Error text that is safe to log or print: no SQL parameters (drizzle's "Failed query: <sql>
 * params: <values>" carries emails and raw document text), no Postgres `detail` (it repeats the
 * offending values), one line, bounded length, and still the database's own reason ("UNIQUE
 * constraint failed: articles.slug", "duplicate key value violates unique constraint ...").
 */

const MAX_MESSAGE = 400
const FAILED_QUERY = /Failed query: [\s\S]*?(?=\n\s+at |$)/g

type ErrorLike = { name?: unknown; message?: unknown; cause?: unknown; code?: unknown }

const asErrorLike = (value: unknown): ErrorLike | null =>
  value !== null && typeof value === 'object' ? (value as ErrorLike) : null

/** A drizzle query error (DrizzleQueryError has `query` and `params`; older ones only the text). */
export const isSqlQueryError = (err: unknown): boolean => {
  const e = asErrorLike(err)
  if (!e) return false
  if (typeof (e as { query?: unknown }).query === 'string' && 'params' in e) return true
  return typeof e.message === 'string' && e.message.startsWith('Failed query: ')
}

/** "insert into articles", "update editors", ...: what the failed statement did, without values. */
const describeStatement = (err: unknown): string => {
  const e = asErrorLike(err) as { query?: unknown; message?: unknown } | null
  const sql =
    typeof e?.query === 'string'
      ? e.query
      : typeof e?.message === 'string'
        ? e.message.slice('Failed query: '.length)
        : ''
  const match =
    /^\s*(insert into|update|delete from)\s+"?([\w.]+)"?/i.exec(sql) ??
    /^\s*(select)\b[\s\S]*?\bfrom\s+"?([\w.]+)"?/i.exec(sql)
  return match ? `${match[1].toLowerCase()} ${match[2]}` : 'SQL statement'
}

/** Removes SQL statements and their parameters from free text (log messages, stacks). */
export const redactSqlText = (text: string): string =>
  text.replace(FAILED_QUERY, 'Failed query (statement and parameters not logged)')

const oneLine = (text: string, max = MAX_MESSAGE): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * One line describing an error and its cause chain, safe for logs and CLI reports: a failed SQL
 * query becomes "<what it did> failed: <the database's reason>".
 */
export const safeErrorMessage = (err: unknown, max = MAX_MESSAGE): string => {
  let current: unknown = err
  const parts: string[] = []
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const e = asErrorLike(current)
    if (!e) {
      parts.push(redactSqlText(String(current)))
      break
    }
    if (isSqlQueryError(e)) {
      parts.push(`${describeStatement(e)} failed`)
      if (e.cause === undefined) {
        parts.push('no reason given by the database')
        break
      }
      current = e.cause
      continue
    }
    const message = typeof e.message === 'string' ? redactSqlText(e.message) : String(current)
    parts.push(message || String(e.name ?? 'Error'))
    break
  }
  return oneLine(parts.join(': '), max)
}

export interface SerializedError {
  type: string
  message: string
  code?: string | number
  status?: number
  stack?: string
}

/**
 * pino `err` serializer: name, safe message, code/status and the stack frames (the stack's
 * header repeats the raw message, so it is rebuilt from the safe one). Everything else (drizzle's
 * `query`/`params`, Postgres' `detail`, Payload's `data`) is left out.
 */
export const serializeError = (err: unknown): SerializedError | unknown => {
  const e = asErrorLike(err)
  if (!e || !(err instanceof Error || typeof e.message === 'string')) return err
  const type = typeof e.name === 'string' ? e.name : 'Error'
  const message = safeErrorMessage(err)
  const out: SerializedError = { type, message }
  const code = e.code ?? asErrorLike(e.cause)?.code
  if (typeof code === 'string' || typeof code === 'number') out.code = code
  const status = (e as { status?: unknown }).status
  if (typeof status === 'number') out.status = status
  const stack = (err as { stack?: unknown }).stack
  if (typeof stack === 'string') {
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line))
    out.stack = [`${type}: ${message}`, ...frames].join('\n')
  }
  return out
}
