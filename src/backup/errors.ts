/** A backup or restore the operator can fix (printed as one line, exit code 1). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

export const isBackupError = (err: unknown): err is BackupError =>
  err instanceof Error && err.name === 'BackupError'
