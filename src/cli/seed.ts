/**
 * npm run seed [-- [--dry-run] [--json] PATHS...]
 * Imports scraped news documents (default: everything under seeds/). Exit 0 when nothing failed,
 * 1 when a document failed (the others are still imported), 2 for usage errors.
 */
import './env'

import { readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'
import type { Payload } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { isConfigError } from '@/config/errors'
import { closePayload } from '@/db/close'
import { dryRunCanReadDatabase, readOnlySchemaConfig } from '@/features/import/dryRun'
import { expandPaths } from '@/features/import/files'
import { acquireImportLock } from '@/features/import/lock'
import type { ImportLock } from '@/features/import/lock'
import { safeErrorMessage } from '@/logging/safeError'
import { Importer } from '@/features/import/importer'
import type { ImportResult } from '@/features/import/importer'
import { BatchEvidence, explainDocument, MAX_DOCUMENT_BYTES } from '@/features/import/parse'
import { decodeInput } from '@/features/import/parser/decode'
import { ImportSummary, progressLine } from '@/features/import/report'

const usage = `usage: npm run seed -- [--dry-run] [--json] [PATHS...]
       npm run seed -- --explain FILE
  PATHS       files, folders or globs (default: seeds/)
  --dry-run   parse and report, write nothing
  --json      one JSON object per document on stdout (logs on stderr)
  --explain   print each line of FILE with its role and what decided it; no database`

let args: {
  values: { 'dry-run'?: boolean; json?: boolean; help?: boolean; explain?: boolean }
  positionals: string[]
}
try {
  args = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      explain: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  })
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`)
  process.exit(2)
}
if (args.values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}

if (args.values.explain) {
  if (args.positionals.length !== 1) {
    process.stderr.write(`--explain takes exactly one FILE\n${usage}\n`)
    process.exit(2)
  }
  process.exit(explain(args.positionals[0]))
}

const json = Boolean(args.values.json)
const dryRun = Boolean(args.values['dry-run'])
const targets = args.positionals.length ? args.positionals : ['seeds']
const showProgress = !json && process.stderr.isTTY

const emit = (result: ImportResult) => {
  if (!json) return
  const { articleId: _articleId, duplicateOf, ...rest } = result
  const line: Record<string, unknown> = { ...rest }
  if (duplicateOf && !line.error) line.error = `same text as ${duplicateOf}`
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

/** --explain: each line with its role and deciding features; exit 0, or 1 when unparseable. */
function explain(file: string): number {
  let input: Buffer
  try {
    if (statSync(file).size > MAX_DOCUMENT_BYTES) throw new Error('file too large')
    input = readFileSync(file)
  } catch (err) {
    process.stderr.write(`${file}: ${safeErrorMessage(err)}\n`)
    return 1
  }
  try {
    const { article, lines } = explainDocument(input)
    const out: string[] = []
    lines.forEach((l, i) => {
      out.push(`${String(i + 1).padStart(3)} ${l.role.padEnd(11)} ${l.text}`)
      if (l.why) out.push(`${' '.repeat(16)}↳ ${l.why}`)
    })
    out.push('')
    out.push(`title:      ${article.title}`)
    out.push(`authors:    ${article.authors.join(', ') || '—'}`)
    out.push(`outlet:     ${article.outlet ?? '—'}`)
    out.push(`editor:     ${article.editor ?? '—'}`)
    out.push(`published:  ${article.publishedAt ?? '—'}`)
    out.push(`language:   ${article.language}`)
    out.push(`captions:   ${article.media.length}, paragraphs: ${article.paragraphs.length}`)
    out.push(
      `confidence: ${JSON.stringify(article.confidence)}${article.needsAttention ? '  (needs attention)' : ''}`,
    )
    for (const w of article.warnings) out.push(`warning:    ${w}`)
    process.stdout.write(`${out.join('\n')}\n`)
    return 0
  } catch (err) {
    process.stderr.write(`${file}: ${safeErrorMessage(err)}\n`)
    return 1
  }
}

/** Whether the database has been migrated (a dry run reads it only then). */
const hasArticlesTable = async (payload: Payload): Promise<boolean> => {
  try {
    await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })
    return true
  } catch {
    return false
  }
}

const main = async (): Promise<number> => {
  const target = env.database()
  // Batch evidence: lines repeating across this batch's documents (a first, read-only pass,
  // before the database is opened or the import lock taken).
  const evidence = new BatchEvidence()
  for (const entry of expandPaths(targets)) {
    if (entry.file === undefined) continue
    try {
      if (statSync(entry.file).size <= MAX_DOCUMENT_BYTES) {
        evidence.add(decodeInput(readFileSync(entry.file)).text)
      }
    } catch {
      // unreadable or unparseable: reported by the import pass
    }
  }
  const { default: configPromise } = await import('@payload-config')
  let payload: Payload | null = null
  let lock: ImportLock | null = null
  if (dryRun && !dryRunCanReadDatabase(target)) {
    // a dry run creates no database: with none yet, documents are compared within the batch
    process.stderr.write(
      'dry run: no database yet (none is created); documents are compared within this batch only\n',
    )
  } else {
    let config = await configPromise
    if (dryRun) config = readOnlySchemaConfig(config)
    // Start-up chatter (e.g. the schema push spinner in development) goes to stderr: stdout
    // carries only the report.
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
    try {
      payload = await getPayload({ config })
    } finally {
      process.stdout.write = write
    }
    if (dryRun && !(await hasArticlesTable(payload))) {
      process.stderr.write(
        'dry run: the database has no Redaksi tables yet (it is not migrated by a dry run); documents are compared within this batch only\n',
      )
      await closePayload(payload)
      payload = null
    }
    if (payload && !dryRun) {
      // one import at a time per database: a concurrent run waits here instead of racing
      lock = await acquireImportLock(payload, target, {
        onWait: (holder) =>
          process.stderr.write(
            `another import is running on this database (${holder}); waiting for it to finish\n`,
          ),
      })
    }
  }
  const importer = new Importer(payload, { dryRun, repeatedLines: evidence.repeated() })
  const summary = new ImportSummary()
  const total = showProgress ? [...expandPaths(targets)].filter((e) => e.file).length : null
  const startedAt = Date.now()
  try {
    for (const entry of expandPaths(targets)) {
      let result: ImportResult
      if (entry.missing !== undefined) {
        result = { file: entry.missing, status: 'failed', error: 'no such file, folder or match' }
      } else if (entry.skipped !== undefined) {
        result = { file: entry.skipped, status: 'skipped', error: entry.reason }
      } else {
        const file = entry.file as string
        const size = statSync(file).size
        if (size > MAX_DOCUMENT_BYTES) {
          result = {
            file,
            status: 'failed',
            error: `file too large: ${(size / 1024 / 1024).toFixed(1)} MB (limit ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`,
          }
        } else {
          result = await importer.importDocument(file, readFileSync(file))
        }
      }
      summary.add(result)
      emit(result)
      if (showProgress && total && total > 20)
        process.stderr.write(progressLine(summary.total, total, startedAt))
    }
  } finally {
    await lock?.release()
    if (payload) await closePayload(payload)
  }
  if (!json) {
    if (showProgress && total && total > 20) process.stderr.write('\n')
    process.stdout.write(`${summary.format()}\n`)
    if (dryRun) process.stdout.write('(dry run: nothing was written)\n')
  }
  return summary.failed > 0 ? 1 : 0
}

/** Exits once stdout has taken everything (a reader of --json must never get a cut-off line). */
const exitAfterFlush = (code: number) => {
  process.stdout.write('', () => process.exit(code))
}

main().then(
  (code) => exitAfterFlush(code),
  (err: unknown) => {
    process.stderr.write(
      isConfigError(err) ? `redaksi: ${err.message}\n` : `seed failed: ${safeErrorMessage(err)}\n`,
    )
    process.exit(1)
  },
)
