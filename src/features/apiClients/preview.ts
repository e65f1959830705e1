import type { Endpoint, PayloadRequest, Where } from 'payload'

import { canOpenStaffPreview } from '@/access/canOpenStaffPreview'
import { ARTICLES_SLUG } from '@collections/slugs'

type LexicalNode = { type?: string; text?: string; tag?: string; children?: LexicalNode[] }
type PreviewArticle = {
  id: number | string
  title?: string | null
  summary?: string | null
  dateline?: string | null
  language?: string | null
  body?: { root?: LexicalNode } | null
  authors?: unknown[] | null
  workflowStatus?: string | null
  _status?: string | null
  updatedAt?: string
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

const plain = (node: LexicalNode): string =>
  node.type === 'linebreak' ? '\n' : (node.text ?? (node.children ?? []).map(plain).join(''))

/** Top-level Lexical blocks → escaped HTML (headings, quotes, list items, paragraphs). */
const bodyHtml = (root: LexicalNode | undefined): string =>
  (root?.children ?? [])
    .map((node) => {
      const text = escapeHtml(plain(node).trim()).replace(/\n/g, '<br>')
      if (!text) return ''
      if (node.type === 'heading') return `<h2>${text}</h2>`
      if (node.type === 'quote') return `<blockquote>${text}</blockquote>`
      if (node.type === 'list')
        return `<ul>${(node.children ?? []).map((li) => `<li>${escapeHtml(plain(li))}</li>`).join('')}</ul>`
      return `<p>${text}</p>`
    })
    .join('\n')

const authorNames = (authors: unknown[] | null | undefined): string[] =>
  (authors ?? [])
    .map((a) => (a && typeof a === 'object' && 'name' in a ? String(a.name) : ''))
    .filter(Boolean)

export const renderPreviewPage = (article: PreviewArticle): string => {
  const title = escapeHtml(article.title ?? '')
  const byline = authorNames(article.authors)
  return `<!doctype html>
<html lang="${escapeHtml(article.language || 'id')}">
<head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${title}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}.banner{font:14px system-ui,sans-serif;background:#fff3cd;border:1px solid #e0c36c;padding:.5rem .75rem;border-radius:4px}</style>
</head>
<body>
<p class="banner" data-testid="preview-banner">Preview of the latest saved version (${escapeHtml(article.workflowStatus ?? article._status ?? 'draft')}, ${escapeHtml(article.updatedAt ?? '')}). Not public.</p>
<article>
<h1 data-testid="preview-title">${title}</h1>
${article.summary ? `<p><strong>${escapeHtml(article.summary)}</strong></p>` : ''}
${byline.length ? `<p data-testid="preview-byline">By ${escapeHtml(byline.join(', '))}</p>` : ''}
${article.dateline ? `<p><em>${escapeHtml(article.dateline)}</em></p>` : ''}
<div data-testid="preview-body">${bodyHtml(article.body?.root)}</div>
</article>
</body>
</html>`
}

const refuse = (req: PayloadRequest, status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * GET /api/articles/:id/preview: the latest saved version (draft included) as a plain reader page,
 * for the staff who may open it (canOpenStaffPreview: editors and admins, contributors their own
 * articles). The admin's Preview button opens it (Articles `admin.preview`). Never cached.
 */
export const staffPreviewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const allowed = canOpenStaffPreview({ req })
    if (allowed === false) {
      return refuse(
        req,
        req.user ? 403 : 401,
        'Sign in as newsroom staff to preview drafts (API clients use ?draft=true with a preview key).',
      )
    }
    const id = String(req.routeParams?.id ?? '')
    if (!/^[1-9][0-9]{0,15}$/.test(id) && !/^[0-9a-f]{24}$/i.test(id)) {
      return refuse(req, 400, 'Invalid article id.')
    }
    const where: Where =
      allowed === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, allowed] }
    const found = await req.payload.find({
      collection: ARTICLES_SLUG,
      where,
      draft: true,
      depth: 1,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const article = found.docs[0] as PreviewArticle | undefined
    if (!article) return refuse(req, 404, 'No article with this id that you may preview.')
    return new Response(renderPreviewPage(article), {
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'private, no-store',
        'X-Robots-Tag': 'noindex, nofollow',
      },
    })
  },
}
