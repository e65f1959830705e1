/**
 * npm run score:parser [-- --set heldout|tuning|all] [--failures]
 * Scores the parser on the labelled corpus in test/fixtures/corpus (issue #12): per-field
 * accuracy over title, authors, outlet, editor, language, date, first caption + credit, body
 * paragraphs and absence of chrome. Each set is parsed as one import batch (as the importer
 * does), so lines repeating across its documents count as batch evidence.
 * `--failures` prints the mismatches — use it on the tuning set only; the held-out third is
 * for measuring, not for tuning.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { parseBatch } from '@/features/import/parse'
import type { ParsedArticle } from '@/features/import/parse'

interface Expected {
  title: string
  authors: string[]
  outlet: string | null
  editor: string | null
  language: string
  publishedAt: string | null
  media: { caption: string; credit: string | null }[]
  paragraphs: string[]
  chrome: string[]
}

const FIELDS = [
  'title',
  'authors',
  'outlet',
  'editor',
  'language',
  'date',
  'caption',
  'body',
  'chrome',
] as const
type Field = (typeof FIELDS)[number]

const dir = path.resolve('test/fixtures/corpus')
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>
const split = JSON.parse(readFileSync(path.join(dir, 'split.json'), 'utf8')) as {
  heldOut: string[]
  tuning: string[]
}

const { values } = parseArgs({
  options: { set: { type: 'string', default: 'all' }, failures: { type: 'boolean' } },
})
const sets: [string, string[]][] = []
if (values.set === 'heldout' || values.set === 'all') sets.push(['held-out', split.heldOut])
if (values.set === 'tuning' || values.set === 'all') sets.push(['tuning', split.tuning])
if (sets.length === 0) {
  console.error('usage: npm run score:parser -- [--set heldout|tuning|all] [--failures]')
  process.exit(2)
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Field → [ok, got, want] for one document. */
export const scoreDocument = (
  r: ParsedArticle | null,
  e: Expected,
): Record<Field, [boolean, unknown, unknown]> => {
  const firstMedia = e.media[0] ?? null
  const gotMedia = r?.media[0] ?? null
  // a chrome line left in the body: a paragraph of its own, or joined to the start or end of one
  const paragraphs = r?.paragraphs ?? []
  const chromeLeft = e.chrome.filter((c) =>
    paragraphs.some(
      (p) =>
        p === c ||
        p.startsWith(`${c} `) ||
        (p.endsWith(` ${c}`) && !p.endsWith(`(${c.split('(').pop()}`)),
    ),
  )
  return {
    title: [r?.title === e.title, r?.title, e.title],
    authors: [same(r?.authors, e.authors), r?.authors, e.authors],
    outlet: [r?.outlet === e.outlet, r?.outlet, e.outlet],
    editor: [r?.editor === e.editor, r?.editor, e.editor],
    language: [r?.language === e.language, r?.language, e.language],
    date: [r?.publishedAt === e.publishedAt, r?.publishedAt, e.publishedAt],
    caption: [same(gotMedia, firstMedia), gotMedia, firstMedia],
    body: [same(r?.paragraphs, e.paragraphs), r?.paragraphs, e.paragraphs],
    chrome: [r !== null && chromeLeft.length === 0, chromeLeft, []],
  }
}

for (const [name, files] of sets) {
  const inputs = files.map((f) => ({ fileName: f, input: readFileSync(path.join(dir, f)) }))
  const results = parseBatch(inputs)
  const ok: Record<Field, number> = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<
    Field,
    number
  >
  files.forEach((file, i) => {
    const res = results[i]
    const parsed = res.article
    const score = scoreDocument(parsed, expected[file])
    for (const f of FIELDS) {
      if (score[f][0]) ok[f]++
      else if (values.failures) {
        console.log(
          `${file} ${f}\n   got  ${JSON.stringify(score[f][1])}\n   want ${JSON.stringify(score[f][2])}`,
        )
      }
    }
    if (values.failures && res.error) console.log(`${file} ERROR ${res.error}`)
  })
  const total = FIELDS.reduce((s, f) => s + ok[f], 0)
  const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`
  console.log(`\n${name} set: ${files.length} documents`)
  for (const f of FIELDS)
    console.log(
      `  ${f.padEnd(9)} ${pct(ok[f], files.length).padStart(6)}  (${ok[f]}/${files.length})`,
    )
  console.log(
    `  overall   ${pct(total, files.length * FIELDS.length).padStart(6)}  (${total}/${files.length * FIELDS.length})`,
  )
}
process.exit(0)
