import { readdirSync, statSync } from 'node:fs'
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

const walk = function* (dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

export interface ExpandedPath {
  file?: string
  /** An argument that matched nothing (reported, not fatal for the others). */
  missing?: string
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
        for (const file of walk(path.resolve(cwd, base))) {
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
      for (const file of walk(path.resolve(cwd, arg))) yield* emit(file)
    } else {
      yield* emit(arg)
    }
  }
}
