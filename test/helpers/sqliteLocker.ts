import { spawn } from 'node:child_process'

export interface ExternalLock {
  /** What sqlite3 printed on stderr (empty when it took the lock). */
  stderr: () => string
  /** Rolls back and waits for sqlite3 to exit. */
  release: () => Promise<void>
}

/**
 * Another process (the sqlite3 CLI) takes the database's write lock with BEGIN EXCLUSIVE and
 * holds it until `release`. Resolves once the lock is held: sqlite3 prints the busy_timeout
 * PRAGMA's value first, so only a marker printed after BEGIN EXCLUSIVE means the lock is taken
 * (CI once went on at "5000", before the lock).
 */
export const holdExclusiveLock = async (
  file: string,
  busyTimeoutMs: number,
): Promise<ExternalLock> => {
  const locker = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  locker.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  locker.stdin.write(
    `PRAGMA busy_timeout = ${busyTimeoutMs};\nBEGIN EXCLUSIVE;\nSELECT 'lock-held';\n`,
  )
  await new Promise<void>((resolve) => {
    let out = ''
    const onData = (c: Buffer) => {
      out += c.toString()
      if (out.includes('lock-held')) {
        locker.stdout.off('data', onData)
        resolve()
      }
    }
    locker.stdout.on('data', onData)
  })
  const exited = new Promise((resolve) => locker.once('exit', resolve))
  return {
    stderr: () => stderr,
    release: async () => {
      locker.stdin.end('ROLLBACK;\n.quit\n')
      await exited
    },
  }
}
