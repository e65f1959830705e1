import { describe, expect, it } from 'vitest'

import { contentHash, normalizeForHash } from '@/features/import/hash'

const TEXT = 'Judul Berita\n\nJakarta - Pemerintah menambah kuota pupuk.\n\nKata menteri, "cukup."'

describe('normalizeForHash', () => {
  it('removes line-ending, BOM, no-break space and zero-width differences', () => {
    expect(normalizeForHash(`\ufeff${TEXT.replace(/\n/g, '\r\n')}\r\n`)).toBe(
      normalizeForHash(TEXT),
    )
    expect(normalizeForHash(TEXT.replace(/ /g, '\u00a0'))).toBe(normalizeForHash(TEXT))
    expect(normalizeForHash(TEXT.replace('Pemerintah', 'Peme\u200brintah\u200d'))).toBe(
      normalizeForHash(TEXT),
    )
    expect(normalizeForHash(`  ${TEXT.replace(/ /g, '  \t')}  \n\n\n`)).toBe(normalizeForHash(TEXT))
  })

  it('collapses whitespace, trims and keeps line structure', () => {
    expect(normalizeForHash('  a \t b  \r\n\r\n\r\n  c  ')).toBe('a b\nc')
    expect(normalizeForHash('a\rb')).toBe('a\nb')
  })

  it('applies NFC', () => {
    expect(normalizeForHash('Cafe\u0301')).toBe('Caf\u00e9')
  })
})

describe('contentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(contentHash(TEXT)).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('gives the same hash for CRLF/BOM/NBSP variations of the same text', () => {
    const variants = [
      TEXT,
      TEXT.replace(/\n/g, '\r\n'),
      `\ufeff${TEXT}`,
      TEXT.replace(/ /g, '\u00a0'),
      `${TEXT.replace(/\n/g, '\r\n').replace('Jakarta -', 'Jakarta\u00a0-')}\u200b\r\n`,
      TEXT.normalize('NFD'),
    ]
    const hashes = new Set(variants.map(contentHash))
    expect(hashes.size).toBe(1)
  })

  it('gives different hashes for different text', () => {
    expect(contentHash(TEXT)).not.toBe(contentHash(TEXT.replace('kuota', 'harga')))
    expect(contentHash('a b')).not.toBe(contentHash('ab'))
    expect(contentHash('Kata')).not.toBe(contentHash('kata'))
  })
})
