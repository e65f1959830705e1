import type { Article, Author, Correction, Media } from '@/payload-types'
import {
  articleUrl as siteArticleUrl,
  countWords,
  renderArticleBody,
} from '@/features/content/render'
import { absoluteUrl } from './xml'

/**
 * One published article as the news formats need it (pure): the public fields only, with absolute
 * URLs. The rendered body and the public URL are the content feature's stored fields
 * (`bodyHtml`, `bodyText`, `wordCount`, `url`); a row without them is rendered with its renderer.
 */
export interface ArticleView {
  id: number | string
  title: string
  slug: string
  summary: string
  url: string
  html: string
  text: string
  wordCount: number
  charCount: number
  authors: { name: string; slug: string | null }[]
  photos: PhotoView[]
  tags: string[]
  language: string
  outlet: string | null
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  published: boolean
  /** Public corrections, updates and clarifications (src/features/corrections), oldest first. */
  corrections: CorrectionView[]
}

export interface CorrectionView {
  date: string
  kind: 'correction' | 'update' | 'clarification'
  text: string
}

const correctionsOf = (doc: Article): CorrectionView[] =>
  (doc.corrections?.docs ?? [])
    .filter((item): item is Correction => isDoc<Correction>(item) && Boolean(item.text))
    .map((item) => ({ date: item.date, kind: item.kind, text: item.text }))
    .sort((a, b) => a.date.localeCompare(b.date))

export interface PhotoView {
  id: number | string
  featured: boolean
  caption: string
  credit: string | null
  alt: string | null
  url: string | undefined
  mimeType: string | null
  filesize: number | null
  width: number | null
  height: number | null
}

/** Stored fields the content feature adds to articles (read when present). */
type RenderedFields = {
  bodyHtml?: unknown
  bodyText?: unknown
  url?: unknown
  wordCount?: unknown
}

/**
 * Links in rendered HTML made absolute for readers outside the CMS (feeds, ninjs): root-relative
 * `src`/`href` go onto `base`, and so do those on the origin Payload used (`rebaseFrom`).
 */
export const absoluteLinks = (html: string, base: string, rebaseFrom?: string): string =>
  html.replace(/\b(src|href)="([^"]*)"/g, (match, attr: string, value: string) => {
    if (/^\/(?!\/)/.test(value)) return `${attr}="${base}${value}"`
    if (rebaseFrom && value.startsWith(`${rebaseFrom}/`)) {
      return `${attr}="${base}${value.slice(rebaseFrom.length)}"`
    }
    return match
  })

const isDoc = <T extends object>(value: unknown): value is T =>
  typeof value === 'object' && value !== null

/**
 * A media file URL: Payload writes its own files' URLs with the origin it saw (`rebaseFrom`), which
 * behind Express is not always the one clients used; those are moved onto `base`. Others (e.g. a
 * storage bucket's) stay as they are.
 */
const mediaUrl = (value: unknown, base: string, rebaseFrom?: string): string | undefined => {
  const url = absoluteUrl(value, base)
  if (url && rebaseFrom && url.startsWith(`${rebaseFrom}/`)) {
    return `${base}${url.slice(rebaseFrom.length)}`
  }
  return url
}

const photoView = (
  media: Media,
  featured: boolean,
  base: string,
  rebaseFrom?: string,
): PhotoView => ({
  id: media.id,
  featured,
  caption: media.caption ?? '',
  credit: media.credit || null,
  alt: media.alt || null,
  url: media.filename ? mediaUrl(media.url, base, rebaseFrom) : undefined,
  mimeType: media.mimeType || null,
  filesize: typeof media.filesize === 'number' ? media.filesize : null,
  width: typeof media.width === 'number' ? media.width : null,
  height: typeof media.height === 'number' ? media.height : null,
})

/** The public article URL: the stored `url` (PUBLIC_SITE_URL), else computed from the slug. */
export const articleUrl = (doc: Pick<Article, 'slug' | 'id'> & RenderedFields, base: string) =>
  absoluteUrl(doc.url, base) ??
  absoluteUrl(siteArticleUrl(doc.slug || String(doc.id)), base) ??
  base

/**
 * An article read at depth 1 (authors and media populated) → its view. `base` is the CMS's public
 * origin; `rebaseFrom` the origin Payload used for its own file URLs, when that differs.
 */
export const articleView = (
  doc: Article & RenderedFields,
  base: string,
  rebaseFrom?: string,
): ArticleView => {
  const rendered =
    typeof doc.bodyHtml === 'string' && typeof doc.bodyText === 'string'
      ? { html: doc.bodyHtml, text: doc.bodyText }
      : renderArticleBody(doc.body)
  const photos: PhotoView[] = []
  const seen = new Set<string>()
  const addPhoto = (value: unknown, featured: boolean) => {
    if (!isDoc<Media>(value) || seen.has(String(value.id))) return
    seen.add(String(value.id))
    photos.push(photoView(value, featured, base, rebaseFrom))
  }
  addPhoto(doc.featuredMedia, true)
  for (const media of doc.media ?? []) addPhoto(media, false)
  return {
    id: doc.id,
    title: doc.title ?? '',
    slug: doc.slug ?? String(doc.id),
    summary: doc.summary ?? '',
    url: articleUrl(doc, base),
    html: absoluteLinks(rendered.html, base, rebaseFrom),
    text: rendered.text,
    wordCount:
      typeof doc.wordCount === 'number' && Number.isInteger(doc.wordCount)
        ? doc.wordCount
        : countWords(rendered.text),
    charCount: [...rendered.text].length,
    authors: (doc.authors ?? [])
      .filter((author): author is Author => isDoc<Author>(author) && Boolean(author.name))
      .map((author) => ({ name: author.name, slug: author.slug ?? null })),
    photos,
    tags: (doc.tags ?? []).filter((tag) => typeof tag === 'string' && tag.trim() !== ''),
    language: doc.language || 'id',
    outlet: doc.outlet || null,
    publishedAt: doc.publishedAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    published: (doc as { _status?: unknown })._status === 'published',
    corrections: correctionsOf(doc),
  }
}
