/**
 * A known, operator-fixable configuration problem. The server prints only its message (one line,
 * no stack trace) and exits non-zero.
 */
export class ConfigError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'ConfigError'
    this.code = code
  }
}

export const isConfigError = (err: unknown): err is ConfigError =>
  err instanceof Error && err.name === 'ConfigError' && 'code' in err
