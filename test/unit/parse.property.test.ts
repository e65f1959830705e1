import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { generateDocument } from '../fixtures/synthetic'
import { ParseError, parseDocument } from '@/features/import/parse'
import type { ParsedArticle } from '@/features/import/parse'
import { expectLossless } from '../helpers/lossless'

/**
 * Property tests of the parser (fast-check): whatever bytes or text arrive, it either parses
 * losslessly or refuses with a ParseError (never another exception), in time proportional to
 * the input's size.
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/documents/', import.meta.url))

/** Real lines from the fixtures and the seed: titles, bylines, captions, boilerplate, body. */
const fixtureLines = [
  ...new Set(
    readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(`${FIXTURES}${f}`, 'utf8').split('\n'))
      .map((l) => l.trim())
      .filter(Boolean),
  ),
]

/** Parses; a ParseError is a refusal (null), any other exception fails the property. */
const parseOrRefuse = (input: string | Buffer): ParsedArticle | null => {
  try {
    return parseDocument(input, { fileName: 'property.txt' })
  } catch (err) {
    if (err instanceof ParseError) return null
    throw err
  }
}

const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...fixtureLines) },
  { weight: 2, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\t',
      'Foto:',
      'Editor:',
      'Penulis: ',
      'Baca juga:',
      'JAKARTA -',
      '(ANTARA) -',
      '\u00a0\u200b',
      '\r',
      '\ufeff',
    ),
  },
)

/** News-like documents: lines from real documents shuffled with noise, joined by LF/CRLF/CR. */
const newsLike = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 60 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  )
  .map(([lines, eol]) => lines.join(eol))

const RUNS = { numRuns: 300 }

describe('parseDocument properties (fast-check)', () => {
  it('never throws anything but a ParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4000 }), (text) => {
        parseOrRefuse(text)
      }),
      RUNS,
    )
  })

  it('never throws anything but a ParseError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        parseOrRefuse(Buffer.from(bytes))
      }),
      RUNS,
    )
    // UTF-16 and Latin-1 looking inputs, with and without a BOM
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom('utf16le', 'latin1'),
        fc.boolean(),
        (text, encoding, bom) => {
          const body = Buffer.from(text, encoding)
          const input =
            bom && encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body
          parseOrRefuse(input)
        },
      ),
      RUNS,
    )
  })

  it('is lossless on every news-like document it accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(newsLike, (text) => {
        const result = parseOrRefuse(text)
        if (!result) return
        accepted++
        expectLossless(text, result)
      }),
      RUNS,
    )
    // the generator mostly produces documents the parser accepts: the property is not vacuous
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 2)
  })

  it('is lossless on synthetic documents of every layout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const { text } = generateDocument(seed)
        const result = parseOrRefuse(text)
        expect(result).not.toBeNull()
        expectLossless(text, result as ParsedArticle)
      }),
      { numRuns: 200 },
    )
  })

  it('takes time proportional to the input (bounded per KB), also for hostile shapes', () => {
    // generous bounds: the machines are small and shared; a super-linear parser blows through them
    const MS_PER_KB = 10
    const OVERHEAD_MS = 50
    // shapes, not texts, so a counterexample stays readable
    const shape = fc.oneof(
      fc.record({
        kind: fc.constant('real lines' as const),
        picks: fc.array(fc.nat(fixtureLines.length - 1), { minLength: 200, maxLength: 2000 }),
      }),
      fc.record({
        kind: fc.constant('one long line' as const),
        unit: fc.constantFrom(
          'a',
          ' ',
          '-',
          'Foto: ',
          'Baca juga: ',
          '(',
          'Oleh ',
          ', ',
          'ANTARA ',
        ),
        n: fc.integer({ min: 1_000, max: 60_000 }),
      }),
      fc.record({
        kind: fc.constant('many short lines' as const),
        unit: fc.string({ minLength: 1, maxLength: 8 }),
        n: fc.integer({ min: 1_000, max: 20_000 }),
      }),
    )
    const build = (s: typeof shape extends fc.Arbitrary<infer T> ? T : never): string => {
      if (s.kind === 'real lines') return s.picks.map((i) => fixtureLines[i]).join('\n')
      if (s.kind === 'one long line') return `Judul Berita\n${s.unit.repeat(s.n)}\nisi berita`
      return `Judul\n${`${s.unit}\n`.repeat(s.n)}`
    }
    parseOrRefuse(generateDocument(1).text) // warm up
    let worstMsPerKb = 0
    fc.assert(
      fc.property(shape, (s) => {
        const text = build(s)
        const kb = Buffer.byteLength(text) / 1024
        let best = Infinity
        for (let i = 0; i < 3; i++) {
          const started = performance.now()
          parseOrRefuse(text)
          best = Math.min(best, performance.now() - started)
        }
        worstMsPerKb = Math.max(worstMsPerKb, best / Math.max(kb, 1))
        expect(best, `${kb.toFixed(0)} KB took ${best.toFixed(0)} ms`).toBeLessThan(
          OVERHEAD_MS + MS_PER_KB * kb,
        )
      }),
      { numRuns: 40 },
    )
    expect(worstMsPerKb).toBeLessThan(MS_PER_KB)
  })
})
