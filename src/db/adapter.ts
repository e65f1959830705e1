import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseTarget } from '@/config/database'
import { env } from '@/config/env'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { forSeveralProcesses } from './cluster'
import { startMongoMemory, stopMongoMemory } from './mongoMemory'
import { withRedaksiSqliteClient } from './sqlite/adapter'

const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/**
 * Builds the Payload database adapter for a resolved DATABASE_URI.
 * SQL adapters push the schema in development and apply the committed migrations on start in
 * production (prodMigrations), so a fresh production database gets its tables. Their migrations
 * run under a lock shared by every process on the database (src/db/cluster.ts).
 */
export const createDatabaseAdapter = async (target: DatabaseTarget): Promise<DatabaseAdapterObj> =>
  forSeveralProcesses(target, await buildDatabaseAdapter(target))

/**
 * The MongoDB adapter (mongoose and the driver, ~590 modules; a server start took ~1.3 s longer
 * with it, docs/performance.md "Start-up") is loaded only for a MongoDB database; the SQL
 * adapters are imported anyway (migrations and search use their `sql` helper).
 */
const loadMongooseAdapter = async () => (await import('@payloadcms/db-mongodb')).mongooseAdapter

const buildDatabaseAdapter = async (target: DatabaseTarget): Promise<DatabaseAdapterObj> => {
  switch (target.kind) {
    case 'sqlite': {
      const base = sqliteAdapter({
        // The client below replaces the one db-sqlite would create from this config (see
        // src/db/sqlite/client.ts): one writer behind an async queue, readers, no busy waits in the
        // native driver. The URL stays for Payload's own messages.
        client: { url: target.uri },
        // WAL, synchronous=NORMAL and the journal size limit are set by Redaksi's client
        wal: false,
        busyTimeout: 0,
        // Payload leaves SQLite transactions off unless asked: Redaksi needs them (a transition and
        // its audit event, and each imported document, commit or roll back together).
        transactionOptions: {},
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        prodMigrations: sqliteMigrations,
      })
      // Benchmarks only: the stock @libsql/client, as plain Payload would use it (a baseline).
      if (env.sqliteClient() === 'stock') {
        return sqliteAdapter({
          client: { url: target.uri },
          wal: true,
          transactionOptions: {},
          migrationDir: path.join(migrationsRoot, 'sqlite'),
          prodMigrations: sqliteMigrations,
        })
      }
      return withRedaksiSqliteClient(base, target.uri)
    }
    case 'postgres':
      return postgresAdapter({
        pool: {
          connectionString: target.uri,
          connectionTimeoutMillis: 10_000,
          // Like SQLite's bounded wait: a statement waiting for a lock held elsewhere (another
          // server's migration, an operator's LOCK TABLE) gives up after this and the request
          // answers 503 (src/db/sqlite/errors.ts maps lock_not_available), instead of hanging.
          lock_timeout: env.sqlite().lockWaitMs,
        },
        migrationDir: path.join(migrationsRoot, 'postgres'),
        prodMigrations: postgresMigrations,
        // hand-written tables (the search index) are not Payload's: `npm run dev`'s schema push
        // leaves them alone
        tablesFilter: ['!search_articles*'],
      })
    case 'mongodb': {
      const mongooseAdapter = await loadMongooseAdapter()
      return mongooseAdapter({
        url: target.uri,
        connectOptions: { serverSelectionTimeoutMS: 10_000 },
      })
    }
    case 'mongodb-memory': {
      // The URL is only known once the in-process server runs: start it when Payload connects.
      const mongooseAdapter = await loadMongooseAdapter()
      const base = mongooseAdapter({ url: 'mongodb://127.0.0.1:1/redaksi-pending' })
      return {
        ...base,
        init: (args) => {
          const adapter = base.init(args)
          const connect = adapter.connect
          const destroy = adapter.destroy
          adapter.connect = async function (this: typeof adapter & { url: string }, options) {
            const replSet = await startMongoMemory()
            this.url = replSet.getUri('redaksi')
            return connect?.call(this, options)
          }
          adapter.destroy = async function (this: typeof adapter) {
            await destroy?.call(this)
            await stopMongoMemory()
          }
          return adapter
        },
      }
    }
  }
}
