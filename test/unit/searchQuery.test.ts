import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { fts5Match } from '@/features/search/adapters/sqlite'
import { configFor, tsPrefixQuery } from '@/features/search/adapters/postgres'
import {
  foldText,
  MARK_END,
  MARK_START,
  markTerms,
  parseSearchParams,
  SearchInputError,
  searchTerms,
  toHighlightHtml,
} from '@/features/search/query'

describe('search terms', () => {
  it('fold case and accents, drop a possessive, keep letters and digits only', () => {
    expect(searchTerms('ukraina')).toEqual(['ukraina'])
    expect(searchTerms('Ukraina')).toEqual(['ukraina'])
    expect(searchTerms("ukraina's")).toEqual(['ukraina'])
    expect(searchTerms('Ukraina’s NATO')).toEqual(['ukraina', 'nato'])
    expect(searchTerms('UKRAÏNA café Ｆｕｌｌ')).toEqual(['ukraina', 'cafe', 'full'])
    expect(searchTerms('"ukraina" OR nato*')).toEqual(['ukraina', 'or', 'nato'])
    expect(searchTerms('NEAR(a b) title:x')).toEqual(['near', 'title'])
    expect(searchTerms('a')).toEqual(['a'])
    expect(searchTerms('2024 pemilu')).toEqual(['2024', 'pemilu'])
    expect(searchTerms('x y z a b c d e f g h i j k l m n o p q r s t u v w')).toHaveLength(8)
    expect(searchTerms('"*:()')).toEqual([])
    expect(searchTerms('a'.repeat(100))[0]).toHaveLength(40)
  })

  it('engine query strings only ever contain letters, digits and their own operators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const terms = searchTerms(q)
        for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u)
        if (terms.length) {
          expect(fts5Match(terms)).toMatch(/^("[\p{L}\p{N}]+"\*)( "[\p{L}\p{N}]+"\*)*$/u)
          expect(tsPrefixQuery(terms)).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u)
        }
      }),
    )
  })

  it('parseSearchParams checks q, page, limit and language', () => {
    expect(parseSearchParams({ q: 'Ukraina' }, 100)).toEqual({
      q: 'Ukraina',
      terms: ['ukraina'],
      page: 1,
      limit: 10,
      language: null,
    })
    expect(parseSearchParams({ q: 'x', page: '3', limit: 100, language: 'en' }, 100)).toMatchObject(
      { page: 3, limit: 100, language: 'en' },
    )
    expect(parseSearchParams({ q: 'x' }, 5).limit).toBe(5)
    const bad: Record<string, unknown>[] = [
      {},
      { q: '' },
      { q: '  ' },
      { q: 42 },
      { q: ['a'] },
      { q: 'a'.repeat(201) },
      { q: '"' },
      { q: 'x', page: 0 },
      { q: 'x', page: '1e3' },
      { q: 'x', page: 1001 },
      { q: 'x', page: -1 },
      { q: 'x', limit: 101 },
      { q: 'x', limit: '0' },
      { q: 'x', limit: 1.5 },
      { q: 'x', limit: ['5'] },
      { q: 'x', language: 'eng' },
      { q: 'x', language: 'EN' },
      { q: 'x', language: 5 },
    ]
    for (const raw of bad) {
      expect(() => parseSearchParams(raw, 100), JSON.stringify(raw)).toThrow(SearchInputError)
    }
  })
})

describe('highlighting', () => {
  it('escapes text and turns marks into <mark>, always balanced', () => {
    expect(toHighlightHtml(`a ${MARK_START}<b>${MARK_END} & "c"`)).toBe(
      'a <mark>&lt;b&gt;</mark> &amp; &quot;c&quot;',
    )
    expect(toHighlightHtml(`${MARK_START}open`)).toBe('<mark>open</mark>')
    expect(toHighlightHtml(`${MARK_END}x${MARK_START}${MARK_START}y`)).toBe('x<mark>y</mark>')
    fc.assert(
      fc.property(fc.string(), (s) => {
        const html = toHighlightHtml(s)
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/)
        expect(html.split('<mark>').length).toBe(html.split('</mark>').length)
      }),
    )
  })

  it('markTerms marks word prefixes accent-insensitively and cuts a window around the first match', () => {
    expect(toHighlightHtml(markTerms('Bantu Ukraina, café Ukrainas', ['ukraina', 'cafe']))).toBe(
      'Bantu <mark>Ukraina</mark>, <mark>café</mark> <mark>Ukrainas</mark>',
    )
    const long = `${'kata '.repeat(200)}Jakarta banjir ${'lagi '.repeat(200)}`
    const snippet = toHighlightHtml(markTerms(long, ['jakarta'], 120))
    expect(snippet).toContain('<mark>Jakarta</mark> banjir')
    expect(snippet.startsWith('… ')).toBe(true)
    expect(snippet.endsWith(' …')).toBe(true)
    expect(snippet.length).toBeLessThan(160)
    expect(foldText('ÀÉÎõü')).toBe('aeiou')
  })
})

describe('Postgres text search configuration', () => {
  it('uses the language configuration where the server has it, simple otherwise', () => {
    const have = new Set(['simple', 'english', 'indonesian'])
    expect(configFor('id', have)).toBe('indonesian')
    expect(configFor('en', have)).toBe('english')
    expect(configFor('fr', have)).toBe('simple')
    expect(configFor(null, have)).toBe('simple')
    expect(configFor('id', new Set(['simple']))).toBe('simple')
  })
})
