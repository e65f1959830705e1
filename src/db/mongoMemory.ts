import { defaultLibraryEnv, env } from '@/config/env'
import { ConfigError } from '@/config/errors'

type ReplSet = { getUri: (db?: string) => string; stop: () => Promise<boolean> }

const globalStore = globalThis as typeof globalThis & {
  __redaksiMongoMemory?: Promise<ReplSet>
}

const explain = (reason: string): ConfigError =>
  new ConfigError(
    'MONGOMS_SYSTEM_BINARY',
    `DATABASE_URI=mongodb-memory could not start an in-process MongoDB (${reason}); install a mongod binary and set MONGOMS_SYSTEM_BINARY=/path/to/mongod, or use a real MongoDB with DATABASE_URI=mongodb://...`,
  )

/**
 * Starts (once per process) a single-node MongoDB replica set through mongodb-memory-server, so
 * Payload's transactions work. Fails fast with a message naming MONGOMS_SYSTEM_BINARY when no
 * mongod binary can be obtained (no download possible, or a wrong path).
 */
export const startMongoMemory = (): Promise<ReplSet> => {
  globalStore.__redaksiMongoMemory ??= (async () => {
    // No surprise downloads: a mongod comes from MONGOMS_SYSTEM_BINARY or the local cache unless
    // the operator opts in with MONGOMS_RUNTIME_DOWNLOAD=true.
    defaultLibraryEnv('MONGOMS_RUNTIME_DOWNLOAD', 'false')
    const { startTimeoutMs: START_TIMEOUT_MS, systemBinary } = env.mongoMemory()
    const { MongoBinary, MongoMemoryReplSet } = await import('mongodb-memory-server')
    try {
      await MongoBinary.getPath()
    } catch (err) {
      globalStore.__redaksiMongoMemory = undefined
      const detail = systemBinary
        ? `MONGOMS_SYSTEM_BINARY=${systemBinary} is not a usable mongod`
        : 'no mongod binary found and downloads are off'
      throw explain(`${detail}: ${(err as Error).message.split('\n')[0]}`)
    }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(explain(`no mongod after ${Math.round(START_TIMEOUT_MS / 1000)}s`)),
        START_TIMEOUT_MS,
      )
      timer.unref()
    })
    try {
      const replSet = await Promise.race([
        MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } }),
        timeout,
      ])
      return replSet
    } catch (err) {
      globalStore.__redaksiMongoMemory = undefined
      if (err instanceof ConfigError) throw err
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
      throw explain(reason)
    } finally {
      clearTimeout(timer)
    }
  })()
  return globalStore.__redaksiMongoMemory
}

export const stopMongoMemory = async (): Promise<void> => {
  const pending = globalStore.__redaksiMongoMemory
  globalStore.__redaksiMongoMemory = undefined
  if (pending) await (await pending).stop()
}
