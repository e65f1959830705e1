import type { UIFieldServerProps } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ImportReview } from '@/features/import/admin/ImportReview'

/** The panel as the admin renders it, with a stand-in Local API returning a stored article. */
const render = async (
  source: Record<string, unknown> | null,
  language: string,
  calls: unknown[] = [],
): Promise<string> => {
  const payload = {
    findByID: async (args: unknown) => {
      calls.push(args)
      return { id: 7, source }
    },
  }
  const element = await ImportReview({
    id: 7,
    payload,
    user: { id: 1, collection: 'editors' },
    i18n: { language },
  } as unknown as UIFieldServerProps)
  return element === null ? '' : renderToStaticMarkup(element)
}

const SOURCE = {
  fileName: 'archive/c32.txt',
  needsAttention: true,
  confidence: { title: 1, authors: 0, outlet: 0.75, date: 1, captions: 1, body: 0.8 },
  warnings: [
    'no byline found',
    'removed 2 chrome lines (kept as boilerplate), 2 decided by features, not patterns',
  ],
  boilerplate: ['Facebook', 'Salin tautan'],
}

describe('Import review panel (imported-source group)', () => {
  it('shows confidence, warnings and every removed line in English', async () => {
    const calls: unknown[] = []
    const html = await render(SOURCE, 'en', calls)
    expect(html).toContain('Needs attention')
    expect(html).toContain('Authors: 0%')
    expect(html).toContain('Outlet: 75%')
    expect(html).toMatch(/data-field="authors" data-low="true"/)
    expect(html).toMatch(/data-field="title" data-low="false"/)
    expect(html).toContain('<li>no byline found</li>')
    expect(html).toContain('Removed lines (kept as boilerplate) (2)')
    expect(html).toContain('<code>Facebook</code>')
    expect(html).toContain('<code>Salin tautan</code>')
    // read with the signed-in user's access, drafts included
    expect(calls).toEqual([
      expect.objectContaining({
        id: 7,
        overrideAccess: false,
        draft: true,
        user: expect.anything(),
      }),
    ])
  })

  it('speaks Indonesian', async () => {
    const html = await render(SOURCE, 'id')
    expect(html).toContain('Perlu diperiksa')
    expect(html).toContain('Penulis: 0%')
    expect(html).toContain('byline (penulis) tidak ditemukan')
    expect(html).toContain('2 baris chrome dibuang (disimpan sebagai boilerplate)')
    expect(html).toContain('Baris yang dibuang')
  })

  it('says so when nothing was removed or flagged', async () => {
    const html = await render(
      { ...SOURCE, needsAttention: false, warnings: [], boilerplate: [], confidence: {} },
      'en',
    )
    expect(html).toContain('Parsed with confidence')
    expect(html).toContain('No warnings.')
    expect(html).toContain('No lines were removed.')
    expect(html).toContain('Title: —')
  })

  it('renders nothing for an article that was not imported, or when it cannot be read', async () => {
    expect(await render({ fileName: null }, 'en')).toBe('')
    expect(await render(null, 'en')).toBe('')
    const failing = await ImportReview({
      id: 7,
      payload: { findByID: async () => Promise.reject(new Error('Forbidden')) },
      user: { id: 1 },
      i18n: { language: 'en' },
    } as unknown as UIFieldServerProps)
    expect(failing).toBeNull()
  })

  it('ignores malformed stored values instead of failing', async () => {
    const html = await render(
      { fileName: 'x.txt', confidence: 'nonsense', warnings: [1, 'ok', null], boilerplate: 'x' },
      'en',
    )
    expect(html).toContain('<li>ok</li>')
    expect(html).toContain('No lines were removed.')
    expect(html).toContain('Authors: —')
  })
})
