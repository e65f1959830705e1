import { expect } from 'vitest'

import type { ParsedArticle } from '@/features/import/parse'
import { normalizeText } from '@/features/import/parser/decode'

/**
 * Losslessness: every non-blank input line (normalized, trimmed) appears exactly once in
 * `lines`, in order, with one role; paragraphs are built from the body lines; boilerplate and
 * media mirror the boilerplate and caption lines.
 */
export const expectLossless = (source: string, result: ParsedArticle): void => {
  const expected = normalizeText(source)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
  expect(result.lines.map((l) => l.text)).toEqual(expected)
  for (const l of result.lines) {
    expect(['title', 'meta', 'caption', 'body', 'boilerplate']).toContain(l.role)
  }
  const titles = result.lines.filter((l) => l.role === 'title')
  expect(titles).toHaveLength(1)
  expect(titles[0].text.startsWith(result.title)).toBe(true)
  const body = result.lines.filter((l) => l.role === 'body').map((l) => l.text)
  expect(result.paragraphs.join(' ')).toBe(body.join(' '))
  expect(result.boilerplate).toEqual(
    result.lines.filter((l) => l.role === 'boilerplate').map((l) => l.text),
  )
  expect(result.media).toHaveLength(result.lines.filter((l) => l.role === 'caption').length)
}
