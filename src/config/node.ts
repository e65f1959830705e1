/**
 * The Node flags every Redaksi process runs with. Payload's packages publish `development` and
 * `production` export conditions, so the condition must be set on the command line; the build
 * stamp, the test helpers, the benchmarks and the CLIs that spawn node all take the flags from
 * here. (package.json scripts cannot import this: they spell the same flags, keep them in step.)
 */
import { rawEnv } from './env'
import type { RawEnv } from './env'

export type NodeMode = 'production' | 'development'

/** `--conditions=<mode> --no-deprecation` as an argv list. */
export const nodeFlags = (mode: NodeMode): string[] => [`--conditions=${mode}`, '--no-deprecation']

/** The same flags as one NODE_OPTIONS string. */
export const nodeOptions = (mode: NodeMode): string => nodeFlags(mode).join(' ')

/**
 * The launcher that runs a TypeScript entry point from an esbuild bundle of the project's sources
 * (src/bin/run.mjs: `npm start`, the CLIs, the test servers, the benchmarks).
 */
export const LAUNCHER = 'src/bin/run.mjs'

/** argv for `node <flags> src/bin/run.mjs <entry> ...args` (how `npm start`/the CLIs run TypeScript). */
export const entryArgv = (mode: NodeMode, entry: string, ...args: string[]): string[] => [
  ...nodeFlags(mode),
  LAUNCHER,
  entry,
  ...args,
]

/**
 * The V8 heap budget of a server process (MB of old space), so its memory is predictable: with
 * Node's default (a quarter of the machine's memory, 4 GB here) V8 lets garbage pile up before it
 * collects, and a burst of reads took the server from ~380 MB to 700-880 MB RSS; with 512 MB the
 * same burst peaked at ~400-450 MB (docs/performance.md, "Memory"). The live heap of a running
 * server is ~150-190 MB; three concurrent staff reads of 2,000 articles unpaginated (35 MB of
 * JSON each) still fit. REDAKSI_MAX_HEAP_MB overrides it (`npm start` reads the same variable).
 */
export const SERVER_MAX_HEAP_MB = 512

/** `--max-old-space-size=<REDAKSI_MAX_HEAP_MB or 512>` for a server process. */
export const serverHeapFlag = (env: RawEnv = rawEnv()): string => {
  const raw = env.REDAKSI_MAX_HEAP_MB?.trim()
  const mb = raw ? Number(raw) : SERVER_MAX_HEAP_MB
  if (!Number.isInteger(mb) || mb < 128 || mb > 65_536) {
    throw new Error(
      `REDAKSI_MAX_HEAP_MB must be a whole number of megabytes from 128 to 65536, got "${raw}"`,
    )
  }
  return `--max-old-space-size=${mb}`
}

/**
 * argv for a server process: the heap budget, `--expose-gc` (src/server/limits/idleCollect.ts
 * collects once after a burst, when the server has gone quiet), then {@link entryArgv}.
 */
export const serverArgv = (mode: NodeMode, entry: string, ...args: string[]): string[] => [
  serverHeapFlag(),
  '--expose-gc',
  ...entryArgv(mode, entry, ...args),
]
