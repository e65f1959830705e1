import { mkdirSync } from 'node:fs'
import path from 'node:path'
import net from 'node:net'

import { redactUri, sqliteFilePath } from '@/config/database'
import type { DatabaseTarget } from '@/config/database'
import { ConfigError } from '@/config/errors'

const tcpReachable = (host: string, port: number, timeoutMs: number): Promise<string | null> =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (problem: string | null) => {
      socket.destroy()
      resolve(problem)
    }
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`))
    socket.once('connect', () => done(null))
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message))
  })

/**
 * Checks, before Payload starts, that the database named by DATABASE_URI can be reached, so an
 * operator gets one clear line instead of an adapter's stack trace.
 */
export const preflightDatabase = async (
  target: DatabaseTarget,
  timeoutMs = 5_000,
): Promise<void> => {
  if (target.kind === 'sqlite') {
    const file = sqliteFilePath(target.uri)
    if (!file) return
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    } catch (err) {
      throw new ConfigError(
        'DATABASE_URI',
        `cannot create the folder for the SQLite file ${file}: ${(err as Error).message}`,
      )
    }
    return
  }
  if (target.kind === 'postgres' || target.kind === 'mongodb') {
    if (target.uri.startsWith('mongodb+srv://')) return // DNS seed list: let the driver resolve it
    let url: URL
    try {
      url = new URL(target.uri)
    } catch {
      throw new ConfigError(
        'DATABASE_URI',
        `DATABASE_URI is not a valid URL: ${redactUri(target.uri)}`,
      )
    }
    const defaultPort = target.kind === 'postgres' ? 5432 : 27017
    const hosts = url.host.split(',')
    const [host, port] = (hosts[0] ?? '').split(':')
    const hostname = (host || 'localhost').replace(/^\[|\]$/g, '')
    const problem = await tcpReachable(hostname, Number(port || defaultPort), timeoutMs)
    if (problem) {
      throw new ConfigError(
        'DATABASE_UNREACHABLE',
        `cannot reach the ${target.kind === 'postgres' ? 'Postgres' : 'MongoDB'} database at ${redactUri(target.uri)} (${problem}): start it or fix DATABASE_URI`,
      )
    }
  }
}
