import { describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '@/features/import/lexical'
import {
  articleUrl,
  countWords,
  lexicalPlainText,
  readingMinutesFor,
  renderArticleBody,
  uploadIdsOf,
} from '@/features/content/render'
import { fillSiteUrl, parseSiteUrlPattern } from '@/config/site'

const text = (t: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: t,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
})
const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children,
})
const state = (...children: unknown[]) => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children },
})

describe('renderArticleBody', () => {
  it('renders paragraphs, formatting and plain text with counts', () => {
    const out = renderArticleBody(
      state(paragraph(text('Ukraina menerima '), text('senjata', 1)), paragraph(text('Kedua.'))),
    )
    expect(out.html).toBe('<p>Ukraina menerima <strong>senjata</strong></p><p>Kedua.</p>')
    expect(out.text).toBe('Ukraina menerima senjata\n\nKedua.')
    expect(out.wordCount).toBe(4)
    expect(out.readingMinutes).toBe(1)
  })

  it('escapes text that looks like markup and drops unsafe links', () => {
    const out = renderArticleBody(
      state(
        paragraph(text('<script>alert(1)</script> & "quotes"')),
        paragraph({
          type: 'link',
          version: 3,
          fields: { url: 'javascript:alert(1)', linkType: 'custom', newTab: true },
          children: [text('klik')],
        }),
      ),
    )
    expect(out.html).not.toContain('<script')
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"')
    expect(out.html).not.toContain('javascript:')
    expect(out.html).toContain('rel="noopener noreferrer"')
  })

  it('renders an inline photo as a figure with caption and credit, from a populated doc or an id', () => {
    const upload = (value: unknown) => ({
      type: 'upload',
      version: 3,
      relationTo: 'media',
      value,
      fields: null,
    })
    const populated = renderArticleBody(
      state(
        upload({
          id: 7,
          caption: 'HIMARS di <lapangan>',
          credit: 'US Army',
          url: '/api/media/file/himars.jpg',
          mimeType: 'image/jpeg',
          width: 800,
          height: 600,
        }),
      ),
    )
    expect(populated.html).toBe(
      '<figure><img src="/api/media/file/himars.jpg" alt="HIMARS di &lt;lapangan&gt;" width="800" height="600" /><figcaption>HIMARS di &lt;lapangan&gt; <span class="credit">US Army</span></figcaption></figure>',
    )
    const byId = renderArticleBody(state(paragraph(text('Teks.')), upload(9)), {
      media: new Map([['9', { caption: 'Tanpa berkas', credit: 'Foto/Sindonews' }]]),
    })
    expect(byId.html).toBe(
      '<p>Teks.</p><figure><figcaption>Tanpa berkas <span class="credit">Foto/Sindonews</span></figcaption></figure>',
    )
    // captions are not body words
    expect(byId.text).toBe('Teks.')
    expect(byId.wordCount).toBe(1)
    expect(uploadIdsOf(state(paragraph(text('x')), upload(9), upload('abc')))).toEqual(['9', 'abc'])
    // an unknown id renders nothing
    expect(renderArticleBody(state(upload(99))).html).toBe('')
  })

  it('never throws on malformed bodies', () => {
    for (const bad of [
      null,
      undefined,
      'text',
      42,
      {},
      { root: {} },
      { root: { children: 'x' } },
    ]) {
      expect(renderArticleBody(bad)).toEqual({
        html: '',
        text: '',
        wordCount: 0,
        readingMinutes: 0,
      })
    }
    const weird = renderArticleBody(state({ type: 'no-such-node', children: [text('a')] }, null))
    expect(typeof weird.html).toBe('string')
  })

  it('counts words in Indonesian and English prose and rounds reading time up', () => {
    expect(countWords("Ukraina's anti-tank 2.5 juta—senjata, kata-kata")).toBe(6)
    expect(countWords('')).toBe(0)
    expect(readingMinutesFor(0)).toBe(0)
    expect(readingMinutesFor(1)).toBe(1)
    expect(readingMinutesFor(200)).toBe(1)
    expect(readingMinutesFor(201)).toBe(2)
    const long = paragraphsToLexical(
      Array.from(
        { length: 50 },
        () => 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh',
      ),
    )
    const out = renderArticleBody(long)
    expect(out.wordCount).toBe(500)
    expect(out.readingMinutes).toBe(3)
    expect(lexicalPlainText(long).split('\n\n')).toHaveLength(50)
  })
})

describe('PUBLIC_SITE_URL', () => {
  it('defaults to the CMS origin and fills the slug percent-encoded', () => {
    expect(parseSiteUrlPattern(undefined, 'http://localhost:3000/')).toBe(
      'http://localhost:3000/articles/:slug',
    )
    const pattern = parseSiteUrlPattern('https://news.example/:slug.html', 'x')
    expect(fillSiteUrl(pattern, 'bantu-ukraina')).toBe('https://news.example/bantu-ukraina.html')
    expect(fillSiteUrl(pattern, 'a/b?c')).toBe('https://news.example/a%2Fb%3Fc.html')
    expect(articleUrl(null)).toBeNull()
  })

  it('refuses a pattern without :slug, with two, a relative one, another scheme or credentials', () => {
    for (const bad of [
      'https://news.example/articles/',
      'https://news.example/:slug/:slug',
      '/articles/:slug',
      'ftp://news.example/:slug',
      'javascript:alert(1)//:slug',
      'https://user:pw@news.example/:slug',
    ]) {
      expect(() => parseSiteUrlPattern(bad, 'http://x'), bad).toThrow(/PUBLIC_SITE_URL/)
    }
  })
})
