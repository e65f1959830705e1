import type { ImportResult, ImportStatus } from '@/features/import/importer'

export const STATUS_ORDER: ImportStatus[] = [
  'imported',
  'updated',
  'unchanged',
  'duplicate',
  'conflict',
  'parsed',
  'skipped',
  'failed',
]

export class ImportSummary {
  readonly counts = new Map<ImportStatus, number>()
  readonly problems: ImportResult[] = []
  total = 0

  add(result: ImportResult): void {
    this.total++
    this.counts.set(result.status, (this.counts.get(result.status) ?? 0) + 1)
    if (
      result.status === 'failed' ||
      result.status === 'conflict' ||
      result.status === 'skipped' ||
      result.status === 'duplicate'
    ) {
      this.problems.push(result)
    }
  }

  get failed(): number {
    return this.counts.get('failed') ?? 0
  }

  /** A plain-text table for people. */
  format(): string {
    const rows = STATUS_ORDER.filter((s) => this.counts.has(s)).map((s) => [
      s,
      String(this.counts.get(s)),
    ])
    rows.push(['total', String(this.total)])
    const width = Math.max(...rows.map(([s]) => s.length))
    const lines = [
      '',
      'Import summary',
      ...rows.map(([s, n]) => `  ${s.padEnd(width)}  ${n.padStart(6)}`),
    ]
    const details = this.problems.slice(0, 50)
    if (details.length) {
      lines.push('', 'Needs attention:')
      for (const r of details) {
        const why = r.error ?? (r.duplicateOf ? `same text as ${r.duplicateOf}` : '')
        lines.push(`  ${r.status.padEnd(9)} ${r.file}${why ? `: ${why}` : ''}`)
      }
      if (this.problems.length > details.length) {
        lines.push(`  … and ${this.problems.length - details.length} more (use --json for all)`)
      }
    }
    return lines.join('\n')
  }
}

/** A one-line progress bar for terminals. */
export const progressLine = (done: number, total: number | null, startedAt: number): string => {
  const seconds = (Date.now() - startedAt) / 1000
  const rate = seconds > 0 ? Math.round(done / seconds) : 0
  if (!total) return `\r${done} documents (${rate}/s)`
  const width = 30
  const filled = Math.round((done / total) * width)
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${rate}/s)`
}
