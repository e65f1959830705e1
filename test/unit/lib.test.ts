import { describe, expect, it } from 'vitest'

import { globToRegExp } from '@/features/import/files'
import { lexicalToParagraphs, paragraphsToLexical } from '@/features/import/lexical'
import { normalizePersonName } from '@/lib/names'
import { slugify } from '@/lib/slugify'

describe('slugify', () => {
  it.each([
    [
      'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia',
      'bantu-ukraina-dengan-senjata-canggih-nato-rupanya-enggan-perang-terbuka-dengan-rusia',
    ],
    ['Jakarta’s MRT extends operating hours', 'jakartas-mrt-extends-operating-hours'],
    ['Pemilu 2024: KPU & Bawaslu', 'pemilu-2024-kpu-dan-bawaslu'],
    ['Café Señor Ümit', 'cafe-senor-umit'],
    ['  --  ', ''],
  ])('%s', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('kata '.repeat(40), 30)
    expect(slug.length).toBeLessThanOrEqual(30)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug).toMatch(/^(kata-)*kata$/)
  })
})

describe('names', () => {
  it('matches people regardless of case, accents and punctuation', () => {
    expect(normalizePersonName('  Dio  Suhénda ')).toBe(normalizePersonName('dio suhenda'))
    expect(normalizePersonName('M. Rizal')).toBe('m rizal')
  })
})

describe('lexical conversion', () => {
  it('round-trips paragraphs exactly, quotes included', () => {
    const paragraphs = [
      'Lavrov menegaskan, "Ukraina dipaksa."',
      '“Kami memiliki tanggung jawab,” papar dia.',
      '*bukan* markdown',
    ]
    const state = paragraphsToLexical(paragraphs)
    expect(state.root.children).toHaveLength(3)
    expect(state.root.children[0].type).toBe('paragraph')
    expect(lexicalToParagraphs(state)).toEqual(paragraphs)
  })
})

describe('globToRegExp', () => {
  it.each([
    ['seeds/*.txt', 'seeds/a.txt', true],
    ['seeds/*.txt', 'seeds/sub/a.txt', false],
    ['seeds/**/*.txt', 'seeds/sub/deep/a.txt', true],
    ['seeds/**/*.txt', 'seeds/a.txt', true],
    ['seeds/?.txt', 'seeds/ab.txt', false],
    ['seeds/*.{txt,md}', 'seeds/a.md', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected)
  })
})
