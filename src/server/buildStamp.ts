import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { childEnv, env } from '@/config/env'
import { nodeOptions } from '@/config/node'

/** Everything a production build of the admin depends on. */
const INPUTS = [
  'package-lock.json',
  'next.config.mjs',
  'payload.config.ts',
  'tsconfig.json',
  'collections',
  'src',
]
const SKIP = new Set(['node_modules', '.next', 'data', 'cli', 'migrations'])
const STAMP_FILE = path.join('.next', 'redaksi-build-stamp')

const collect = (root: string, entry: string, files: string[]) => {
  const full = path.join(root, entry)
  if (!existsSync(full)) return
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) {
      if (!SKIP.has(name)) collect(root, path.join(entry, name), files)
    }
  } else {
    files.push(entry)
  }
}

/** A hash of the build's inputs (file names and contents). */
export const buildInputsHash = (root: string): string => {
  const files: string[] = []
  for (const entry of INPUTS) collect(root, entry, files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(file)
    hash.update('\0')
    hash.update(readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

export const buildIsCurrent = (root: string): boolean => {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return false
  const stampPath = path.join(root, STAMP_FILE)
  if (!existsSync(stampPath)) return false
  return readFileSync(stampPath, 'utf8').trim() === buildInputsHash(root)
}

export const writeBuildStamp = (root: string): void => {
  writeFileSync(path.join(root, STAMP_FILE), `${buildInputsHash(root)}\n`)
}

/**
 * Runs `next build` for the admin (production conditions) and records the inputs it was built
 * from. Returns next's exit status.
 */
export const buildAdmin = (root: string): number => {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: childEnv({
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: env.nextTelemetryDisabled(),
        NODE_OPTIONS: nodeOptions('production'),
      }),
    },
  )
  if (result.status === 0) writeBuildStamp(root)
  return result.status ?? 1
}
