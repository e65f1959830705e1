/** The database could not take a write within the configured wait (another writer holds the lock). */
export class DatabaseBusyError extends Error {
  readonly status = 503
  readonly code = 'DATABASE_BUSY'
  readonly isPublic = true
  constructor(
    message = 'The database is busy (another writer holds its lock); try again in a moment.',
  ) {
    super(message)
    this.name = 'DatabaseBusyError'
  }
}

/** The database file the server opened was removed or replaced: writing on would lose data. */
export class DatabaseGoneError extends Error {
  readonly status = 503
  readonly code = 'DATABASE_GONE'
  readonly isPublic = true
  constructor(file: string) {
    super(
      `The database file ${file} was removed or replaced while the server was running; ` +
        'writes are refused until the server is restarted.',
    )
    this.name = 'DatabaseGoneError'
  }
}

export type DatabaseUnavailableError = DatabaseBusyError | DatabaseGoneError

/** Finds a busy/gone error anywhere in an error's cause chain (drizzle and Payload wrap errors). */
export const unavailableCause = (err: unknown): DatabaseUnavailableError | null => {
  let current: unknown = err
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof DatabaseBusyError || current instanceof DatabaseGoneError) return current
    const message = current instanceof Error ? current.message : ''
    if (/the database is busy/i.test(message)) return new DatabaseBusyError()
    // Postgres lock_not_available: a lock_timeout expired while another session held the lock
    if ((current as { code?: unknown }).code === '55P03') return new DatabaseBusyError()
    const gone = /The database file (.+) was removed or replaced/.exec(message)
    if (gone) return new DatabaseGoneError(gone[1])
    current = (current as { cause?: unknown }).cause
  }
  return null
}
