/**
 * The Node flags every Redaksi process runs with. Payload's packages publish `development` and
 * `production` export conditions, so the condition must be set on the command line; the build
 * stamp, the test helpers, the benchmarks and the CLIs that spawn node all take the flags from
 * here. (package.json scripts cannot import this: they spell the same flags, keep them in step.)
 */
export type NodeMode = 'production' | 'development'

/** `--conditions=<mode> --no-deprecation` as an argv list. */
export const nodeFlags = (mode: NodeMode): string[] => [`--conditions=${mode}`, '--no-deprecation']

/** The same flags as one NODE_OPTIONS string. */
export const nodeOptions = (mode: NodeMode): string => nodeFlags(mode).join(' ')

/** argv for `node <flags> --import tsx <entry> ...args` (how `npm start`/the CLIs run TypeScript). */
export const tsxArgv = (mode: NodeMode, entry: string, ...args: string[]): string[] => [
  ...nodeFlags(mode),
  '--import',
  'tsx',
  entry,
  ...args,
]
