import { readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'

/** Converts a glob (`*`, `**`, `?`, `{a,b}`) to a RegExp over forward-slash paths. */
export const globToRegExp = (glob: string): RegExp => {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'
        i += glob[i + 2] === '/' ? 2 : 1
      } else {
        re += '[^/]*'
      }
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      const end = glob.indexOf('}', i)
      if (end < 0) re += '\\{'
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`
        i = end
      }
    } else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

const isGlob = (p: string) => /[*?{]/.test(p)

type WalkEntry = { file: string } | { skipped: string; reason: string }

/**
 * Files under a folder, sorted, hidden entries skipped. Symbolic links are followed (to files and
 * folders); a link back into a folder being read (a loop), a folder already read through another
 * path, and a broken link are reported as skipped with the reason instead of being ignored.
 */
const walk = function* (
  dir: string,
  cwd: string,
  ancestors: Set<string> = new Set([realpathSync(dir)]),
  visited: Map<string, string> = new Map([[realpathSync(dir), dir]]),
): Generator<WalkEntry> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  const shown = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.'
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(full)
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      } catch {
        yield { skipped: full, reason: 'broken symbolic link (its target does not exist)' }
        continue
      }
    }
    if (isDirectory) {
      const real = realpathSync(full)
      if (ancestors.has(real)) {
        yield { skipped: full, reason: `symbolic link loop (back to ${shown(real)})` }
        continue
      }
      const first = visited.get(real)
      if (first !== undefined) {
        yield { skipped: full, reason: `same folder as ${shown(first)}, already read` }
        continue
      }
      visited.set(real, full)
      yield* walk(full, cwd, new Set([...ancestors, real]), visited)
    } else if (isFile) yield { file: full }
  }
}

export interface ExpandedPath {
  file?: string
  /** An argument that matched nothing (reported, not fatal for the others). */
  missing?: string
  /** A path left out on purpose (a symbolic link loop, a broken link), with the reason. */
  skipped?: string
  reason?: string
}

/**
 * Expands files, folders (recursively, hidden entries skipped) and globs into files, lazily and in
 * a stable order, so a large archive is never listed in memory all at once.
 */
export const expandPaths = function* (
  args: string[],
  cwd = process.cwd(),
): Generator<ExpandedPath> {
  const seen = new Set<string>()
  const emit = function* (file: string): Generator<ExpandedPath> {
    const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')
    if (seen.has(rel)) return
    seen.add(rel)
    yield { file: rel }
  }
  const skip = (entry: { skipped: string; reason: string }): ExpandedPath => ({
    skipped: path.relative(cwd, entry.skipped).split(path.sep).join('/'),
    reason: entry.reason,
  })
  for (const arg of args) {
    if (isGlob(arg)) {
      const normalized = arg.split(path.sep).join('/')
      const firstGlob = normalized.search(/[*?{]/)
      const base = normalized.slice(0, normalized.lastIndexOf('/', firstGlob) + 1) || '.'
      const matcher = globToRegExp(path.posix.normalize(normalized))
      let matched = false
      let baseStat
      try {
        baseStat = statSync(path.resolve(cwd, base))
      } catch {
        baseStat = null
      }
      if (baseStat?.isDirectory()) {
        for (const entry of walk(path.resolve(cwd, base), cwd)) {
          if ('skipped' in entry) {
            yield skip(entry)
            continue
          }
          const file = entry.file
          const candidate = path.posix.normalize(
            path.isAbsolute(normalized)
              ? file.split(path.sep).join('/')
              : path.relative(cwd, file).split(path.sep).join('/'),
          )
          if (matcher.test(candidate)) {
            matched = true
            yield* emit(file)
          }
        }
      }
      if (!matched) yield { missing: arg }
      continue
    }
    let stat
    try {
      stat = statSync(path.resolve(cwd, arg))
    } catch {
      yield { missing: arg }
      continue
    }
    if (stat.isDirectory()) {
      for (const entry of walk(path.resolve(cwd, arg), cwd)) {
        if ('skipped' in entry) yield skip(entry)
        else yield* emit(entry.file)
      }
    } else {
      yield* emit(arg)
    }
  }
}
