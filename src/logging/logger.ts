import { defaultLoggerOptions } from 'payload'
import type { Config } from 'payload'

import { env } from '@/config/env'

import { redactSqlText, safeErrorMessage, serializeError } from './safeError'

type LoggerConfig = Exclude<NonNullable<Config['logger']>, 'sync' | { info: unknown }>
type LogMethodHook = NonNullable<NonNullable<LoggerConfig['options']['hooks']>['logMethod']>

/**
 * Expected refusals are one INFO line with their message and no stack (Payload logs every error
 * it answers with at ERROR, stack included, unless its name is listed here). A failed login is
 * AuthenticationError; a locked account LockedAuth; an unverified one UnverifiedEmail.
 */
export const LOGGING_LEVELS: NonNullable<Config['loggingLevels']> = {
  AuthenticationError: 'info',
  LockedAuth: 'info',
  UnverifiedEmail: 'info',
}

/** Payload's own INFO-level errors (its defaults) and ours: logged as one line without a stack. */
const EXPECTED_ERRORS = new Set([
  'Forbidden',
  'Locked',
  'MissingFile',
  'NotFound',
  'ValidationError',
  ...Object.entries(LOGGING_LEVELS)
    .filter(([, level]) => level === 'info')
    .map(([name]) => name),
])

/**
 * GraphQL wraps what a resolver threw in a GraphQLError, which Payload logs at ERROR with its
 * stack (its level table matches the wrapper's name): the wrapped error's name decides instead.
 */
const expectedInsideGraphql = (err: unknown): Error | null => {
  if (!(err instanceof Error) || err.name !== 'GraphQLError') return null
  const original = (err as { originalError?: unknown }).originalError
  return original instanceof Error && EXPECTED_ERRORS.has(original.name) ? original : null
}

const sanitizeArg = (arg: unknown): unknown => {
  if (typeof arg === 'string') return redactSqlText(arg)
  if (arg && typeof arg === 'object' && !(arg instanceof Error)) {
    const record = arg as Record<string, unknown>
    if (typeof record.msg === 'string') return { ...record, msg: redactSqlText(record.msg) }
  }
  return arg
}

/**
 * Every log call passes through here: a bare Error becomes `{ err }` with a safe message (pino
 * would otherwise use its raw message, SQL parameters included), strings lose SQL statements.
 */
const logMethod: LogMethodHook = function (this: unknown, args, method) {
  const [first, ...rest] = args as unknown[]
  const wrapped = expectedInsideGraphql(
    first instanceof Error ? first : (first as { err?: unknown } | null)?.err,
  )
  if (wrapped) {
    ;(this as { info: (msg: string) => void }).info(safeErrorMessage(wrapped))
    return
  }
  let next: unknown[]
  if (first instanceof Error) {
    next = [
      { err: first },
      typeof rest[0] === 'string' ? redactSqlText(rest[0]) : safeErrorMessage(first),
      ...rest.slice(1).map(sanitizeArg),
    ]
  } else if (
    first &&
    typeof first === 'object' &&
    (first as { err?: unknown }).err instanceof Error &&
    typeof rest[0] !== 'string'
  ) {
    // pino would take the message of `{ err }` from the raw error
    next = [first, safeErrorMessage((first as { err: unknown }).err), ...rest.map(sanitizeArg)]
  } else {
    next = [sanitizeArg(first), ...rest.map(sanitizeArg)]
  }
  return (method as (...a: unknown[]) => void).apply(this, next)
}

/**
 * Payload's logger: its usual pretty output (JSON on stderr for the CLIs, whose stdout carries
 * their report), with an error serializer and a hook that keep SQL parameters and Postgres'
 * `detail` out of every line while keeping the database's reason.
 */
export const loggerConfig = (): LoggerConfig => ({
  options: {
    level: env.logLevel(),
    serializers: { err: serializeError, error: serializeError },
    hooks: { logMethod },
  },
  destination: env.logToStderr()
    ? process.stderr
    : (defaultLoggerOptions as unknown as LoggerConfig['destination']),
})
