import { ConfigError } from './errors'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb' | 'mongodb-memory'

export interface DatabaseTarget {
  kind: DatabaseKind
  /** Connection string handed to the adapter (for mongodb-memory: none until the server starts). */
  uri: string
}

export const DEFAULT_SQLITE_URI = 'file:./data/redaksi.db'
/**
 * `npm run dev` pushes schema changes straight into its database, while `npm start` applies the
 * committed migrations; mixing both on one file breaks the migrations, so development defaults to
 * a file of its own.
 */
export const DEFAULT_DEV_SQLITE_URI = 'file:./data/redaksi-dev.db'

export const SUPPORTED_SCHEMES =
  'file: (SQLite, default file:./data/redaksi.db), postgres:// or postgresql:// (Postgres), mongodb:// or mongodb+srv:// (MongoDB), mongodb-memory (in-process MongoDB for trials)'

/** Pure: decides which adapter a DATABASE_URI asks for. */
export const resolveDatabase = (raw: string | undefined, nodeEnv?: string): DatabaseTarget => {
  const uri = raw?.trim() ?? ''
  if (uri === '') {
    return {
      kind: 'sqlite',
      uri: nodeEnv === 'development' ? DEFAULT_DEV_SQLITE_URI : DEFAULT_SQLITE_URI,
    }
  }
  if (uri === 'mongodb-memory' || uri.startsWith('mongodb-memory:'))
    return { kind: 'mongodb-memory', uri }
  if (uri.startsWith('file:')) {
    if (uri === 'file:') {
      throw new ConfigError(
        'DATABASE_URI',
        'DATABASE_URI "file:" names no file; use e.g. file:./data/redaksi.db',
      )
    }
    return { kind: 'sqlite', uri }
  }
  if (/^postgres(ql)?:\/\//i.test(uri)) return { kind: 'postgres', uri }
  if (/^mongodb(\+srv)?:\/\//i.test(uri)) return { kind: 'mongodb', uri }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]
  throw new ConfigError(
    'DATABASE_URI',
    `DATABASE_URI has an unsupported scheme${scheme ? ` "${scheme}:"` : ''}; supported: ${SUPPORTED_SCHEMES}`,
  )
}

/** The filesystem path of a file: URI (relative paths are relative to the working directory). */
export const sqliteFilePath = (uri: string): string | null => {
  if (!uri.startsWith('file:')) return null
  const rest = uri.slice('file:'.length).split('?')[0]
  if (rest === ':memory:' || rest === '') return null
  return rest.startsWith('//') ? rest.slice(2) : rest
}

/** Connection string with any password hidden, for logs and error messages. */
export const redactUri = (uri: string): string => uri.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
