import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from 'lexical'
import sanitizeHtml from 'sanitize-html'

import { env } from '@/config/env'
import { fillSiteUrl } from '@/config/site'

/**
 * An article body (Lexical JSON) rendered for readers: sanitised HTML, plain text and counts.
 * Pure apart from the URL pattern read from the environment (articleUrl); the collection hook
 * (hooks/renderBody.ts) stores the result on every saved version, other features (feeds, ninjs,
 * webhooks, search) import these functions instead of rendering again.
 */
export interface RenderedBody {
  html: string
  text: string
  wordCount: number
  readingMinutes: number
}

/** What an inline upload needs to render as a <figure>: the Media fields readers may see. */
export interface MediaForRender {
  id?: string | number
  caption?: string | null
  credit?: string | null
  alt?: string | null
  url?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
}

export interface RenderOptions {
  /** Media looked up by id, for upload nodes that hold only an id (depth 0). */
  media?: ReadonlyMap<string, MediaForRender>
}

/** Words a reader reads per minute (news prose, Indonesian and English alike). */
export const WORDS_PER_MINUTE = 200

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

export const countWords = (text: string): number => text.match(WORD)?.length ?? 0

/** Whole minutes, rounded up; an article with any words takes at least one. */
export const readingMinutesFor = (words: number): number =>
  words <= 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))

/** The article's public URL on the newsroom's website (PUBLIC_SITE_URL with `:slug`). */
export const articleUrl = (slug: string | null | undefined): string | null =>
  slug ? fillSiteUrl(env.siteUrlPattern(), slug) : null

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

interface UploadNodeLike {
  relationTo?: string
  value?: unknown
  fields?: { alt?: string | null; caption?: string | null } | null
}

const mediaOf = (node: UploadNodeLike, options: RenderOptions): MediaForRender | null => {
  const value = node.value
  if (value && typeof value === 'object') return value as MediaForRender
  if (typeof value === 'string' || typeof value === 'number') {
    return options.media?.get(String(value)) ?? null
  }
  return null
}

/** Inline photo: <figure> with the image (when a file exists) and caption + credit. */
export const figureHtml = (media: MediaForRender, fields?: UploadNodeLike['fields']): string => {
  const caption = fields?.caption || media.caption || ''
  const alt = fields?.alt || media.alt || caption
  const isImage = !media.mimeType || media.mimeType.startsWith('image/')
  const img =
    media.url && isImage
      ? `<img src="${escapeHtml(media.url)}" alt="${escapeHtml(alt)}"${
          media.width ? ` width="${media.width}"` : ''
        }${media.height ? ` height="${media.height}"` : ''} />`
      : ''
  const credit = media.credit ? ` <span class="credit">${escapeHtml(media.credit)}</span>` : ''
  const figcaption =
    caption || credit ? `<figcaption>${escapeHtml(caption)}${credit}</figcaption>` : ''
  if (!img && !figcaption) return ''
  return `<figure>${img}${figcaption}</figure>`
}

const converters = (options: RenderOptions): HTMLConverters => ({
  ...defaultHTMLConverters,
  ...LinkHTMLConverter({
    internalDocToHref: ({ linkNode }) => {
      const doc = linkNode.fields.doc as { value?: unknown } | undefined
      const value = doc?.value as { slug?: string } | undefined
      return (typeof value === 'object' && value?.slug && articleUrl(value.slug)) || '#'
    },
  }),
  upload: ({ node }) => {
    const media = mediaOf(node as UploadNodeLike, options)
    return media ? figureHtml(media, (node as UploadNodeLike).fields) : ''
  },
})

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'span',
    'code',
    'pre',
    'sub',
    'sup',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['class', 'style'],
    li: ['value'],
    ol: ['start'],
    '*': ['style'],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify|start|end)$/],
      'text-decoration': [/^(underline|line-through)$/],
    },
  },
  allowedClasses: { span: ['credit'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
}

interface NodeLike {
  type?: string
  text?: unknown
  children?: unknown
  value?: unknown
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'table',
  'tablerow',
  'tablecell',
  'horizontalrule',
])

/** Plain text: block nodes become paragraphs (blank-line separated), line breaks stay. */
export const lexicalPlainText = (state: unknown): string => {
  const root = (state as { root?: NodeLike } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return ''
  const blocks: string[] = []
  const inline = (node: NodeLike): string => {
    if (node.type === 'linebreak') return '\n'
    if (node.type === 'tab') return '\t'
    if (typeof node.text === 'string') return node.text
    if (!Array.isArray(node.children)) return ''
    return (node.children as NodeLike[]).map(inline).join('')
  }
  const walk = (nodes: NodeLike[]): void => {
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue
      const children = Array.isArray(node.children) ? (node.children as NodeLike[]) : []
      const hasBlockChildren = children.some((c) => c && BLOCK_TYPES.has(c.type ?? ''))
      if (hasBlockChildren) walk(children)
      else if (node.type !== 'upload') {
        const text = inline(node).trim()
        if (text) blocks.push(text)
      }
    }
  }
  walk(root.children as NodeLike[])
  return blocks.join('\n\n')
}

const isEditorState = (state: unknown): state is SerializedEditorState => {
  const root = (state as { root?: NodeLike } | null | undefined)?.root
  return Boolean(root && typeof root === 'object' && Array.isArray(root.children))
}

/** Renders an article body. Never throws: a malformed body renders as empty. */
export const renderArticleBody = (body: unknown, options: RenderOptions = {}): RenderedBody => {
  if (!isEditorState(body)) return { html: '', text: '', wordCount: 0, readingMinutes: 0 }
  let raw = ''
  try {
    raw = convertLexicalToHTML({
      data: body,
      converters: converters(options),
      disableContainer: true,
      disableIndent: true,
    })
  } catch {
    raw = ''
  }
  const html = sanitizeHtml(raw, SANITIZE).trim()
  const text = lexicalPlainText(body)
  const wordCount = countWords(text)
  return { html, text, wordCount, readingMinutes: readingMinutesFor(wordCount) }
}

/** Ids of the media an article body's upload nodes point at without a populated document. */
export const uploadIdsOf = (body: unknown): string[] => {
  const ids = new Set<string>()
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 50) return
    const n = node as NodeLike & UploadNodeLike
    if (n.type === 'upload' && (typeof n.value === 'string' || typeof n.value === 'number')) {
      ids.add(String(n.value))
    }
    if (Array.isArray(n.children)) for (const child of n.children) visit(child, depth + 1)
  }
  visit((body as { root?: unknown } | null | undefined)?.root, 0)
  return [...ids]
}
