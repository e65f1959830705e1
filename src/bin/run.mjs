/**
 * Runs one of the project's TypeScript entry points (the server, a CLI, a benchmark worker) from
 * an esbuild bundle of the project's own sources, with every npm package left external:
 *
 *   node --conditions=production --no-deprecation src/bin/run.mjs src/cli/seed.ts [args…]
 *
 * Under tsx every module (Payload's and Next's thousands included) went through an ESM loader hook
 * on a second thread: a server took ~5 s of wall time and ~7.5 s of CPU to start, a CLI about the
 * same. From the bundle it takes ~3.4 s and no hook thread (docs/performance.md, "Start-up").
 *
 * The bundle lives in node_modules/.cache/redaksi/bundles/ with the list of source files it was
 * made from (path, size, mtime). It is made again whenever one of them changed, so an edit is
 * picked up on the next run, as under tsx. Several processes starting at once may each bundle;
 * each writes its own temporary file and renames it into place, so none reads a half-written one.
 * Plain JavaScript on purpose: it must run before anything can compile TypeScript.
 */
import {
  accessSync,
  constants,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [entryArg, ...args] = process.argv.slice(2)
if (!entryArg) {
  process.stderr.write('usage: node src/bin/run.mjs <entry.ts> [arguments…]\n')
  process.exit(2)
}

/** The project (this file is src/bin/run.mjs); the working directory may be elsewhere. */
const launcher = fileURLToPath(import.meta.url)
const root = path.resolve(path.dirname(launcher), '..', '..')
const entry = path.resolve(entryArg)
const cacheDir = path.join(root, 'node_modules', '.cache', 'redaksi', 'bundles')
const name = path
  .relative(root, entry)
  .replace(/\.[cm]?tsx?$/, '')
  .replace(/[^A-Za-z0-9_-]+/g, '__')
const bundleFile = path.join(cacheDir, `${name}.mjs`)
const stampFile = path.join(cacheDir, `${name}.inputs.json`)

/** Files whose change means a new bundle, besides the sources esbuild read. */
const ALWAYS = ['tsconfig.json', 'package.json', path.relative(root, launcher)]

const signature = (file) => {
  try {
    const s = statSync(path.resolve(root, file))
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}

const isFresh = () => {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    statSync(bundleFile)
  } catch {
    return false
  }
  if (!stamp || typeof stamp.inputs !== 'object') return false
  return Object.entries(stamp.inputs).every(([file, sig]) => signature(file) === sig)
}

const makeBundle = async () => {
  const { build } = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  // fails with a code (EACCES, EROFS) when the cache cannot be written: see UNWRITABLE
  accessSync(cacheDir, constants.W_OK)
  const startedAt = Date.now()
  const result = await build({
    entryPoints: [entry],
    outfile: bundleFile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
    tsconfig: path.join(root, 'tsconfig.json'),
  })
  // the bundle and its map, each written under a temporary name and renamed into place
  for (const out of result.outputFiles) {
    const temp = `${out.path}.${process.pid}.tmp`
    writeFileSync(temp, out.contents)
    renameSync(temp, out.path)
  }
  const files = [...Object.keys(result.metafile.inputs), ...ALWAYS]
  const inputs = Object.fromEntries(files.map((file) => [file, signature(file)]))
  // a source saved while esbuild was reading: no stamp, so the next run bundles again
  const changedMeanwhile = files.some((file) => {
    try {
      return statSync(path.resolve(root, file)).mtimeMs > startedAt
    } catch {
      return true
    }
  })
  if (!changedMeanwhile) {
    const tempStamp = `${stampFile}.${process.pid}.tmp`
    writeFileSync(tempStamp, JSON.stringify({ entry: path.relative(root, entry), inputs }))
    renameSync(tempStamp, stampFile)
  } else {
    rmSync(stampFile, { force: true })
  }
}

const UNWRITABLE = ['EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EEXIST', 'ENOSPC']

let bundled = isFresh()
if (!bundled) {
  try {
    await makeBundle()
    bundled = true
  } catch (err) {
    // a compile error is reported as it is; only an unwritable cache (a read-only image, another
    // user's install) falls back to tsx's loader: slower to start, same behaviour
    const code = err && typeof err === 'object' ? err.code : undefined
    if (!UNWRITABLE.includes(code)) throw err
    process.stderr.write(
      `redaksi: cannot write the bundle cache (${code}); running through tsx instead\n`,
    )
  }
}
// The entry sees the argv it would see when run directly. Stack traces name the bundle's lines;
// `NODE_OPTIONS=--enable-source-maps` maps them back to the TypeScript sources (the .map beside
// the bundle); not by default: it makes Node read the source maps of every package that ships
// one, ~0.45 s more per start.
process.argv = [process.argv[0], entry, ...args]
if (bundled) {
  await import(pathToFileURL(bundleFile).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(entry).href)
}
