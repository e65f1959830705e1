import { Feed } from 'feed'
import type { Item } from 'feed'

import { articleUri } from './ninjs'
import type { ArticleView } from './view'
import { cdataHtml, escapeHtml, xmlSafe } from './xml'

export type FeedFormat = 'rss' | 'atom'

export interface FeedOptions {
  format: FeedFormat
  publicationName: string
  /** The CMS's public base URL (absolute), for the feed's own links. */
  base: string
  /** This feed's own URL (rel="self"). */
  self: string
  /** e.g. "author: Muhaimin" for a filtered feed */
  filterLabel?: string
}

/**
 * RSS 2.0 / Atom 1.0 from published articles with the `feed` library (pure). What `feed` does not
 * escape is prepared here: characters XML cannot carry are dropped, `]]>` inside its CDATA
 * sections is split, and tags that would need `<` or `>` inside an Atom attribute (which `feed`
 * cannot encode) are left out of Atom categories. Authors are `dc:creator` in RSS (its own
 * `author` element must be an e-mail address) and `author/name` in Atom; the featured photo
 * (one with an image file) is the enclosure.
 */
export const buildFeed = (articles: ArticleView[], options: FeedOptions): string => {
  const { format, publicationName, base } = options
  const title = xmlSafe(
    options.filterLabel ? `${publicationName} (${options.filterLabel})` : publicationName,
  )
  const newest = articles.reduce<Date | undefined>((latest, article) => {
    const date = new Date(article.updatedAt)
    return !latest || date > latest ? date : latest
  }, undefined)
  const feed = new Feed({
    id: base,
    title,
    description: xmlSafe(`Latest published articles from ${title}`),
    link: base,
    updated: newest ?? new Date(0),
    generator: 'Redaksi',
    feedLinks: format === 'atom' ? { atom: options.self } : { rss: options.self },
    // Atom needs an author for entries without a byline.
    author: { name: xmlSafe(publicationName) },
    copyright: xmlSafe(publicationName),
  })
  for (const article of articles) feed.addItem(itemOf(article, format))
  return format === 'atom' ? feed.atom1() : feed.rss2()
}

const ATOM_ATTRIBUTE_UNSAFE = /[<>]/

/** Corrections and updates after the body, oldest first (empty when there are none). */
const correctionsHtml = (article: ArticleView): string =>
  article.corrections.length
    ? `<aside class="corrections">${article.corrections
        .map(
          (item) =>
            `<p class="${item.kind}"><strong>${escapeHtml(item.kind)} (${escapeHtml(item.date.slice(0, 10))}):</strong> ${escapeHtml(item.text)}</p>`,
        )
        .join('')}</aside>`
    : ''

const itemOf = (article: ArticleView, format: FeedFormat): Item => {
  const featured = article.photos.find((photo) => photo.featured && photo.url)
  const names = article.authors.map((author) => xmlSafe(author.name)).filter(Boolean)
  const tags = article.tags
    .map(xmlSafe)
    .filter((tag) => tag && !(format === 'atom' && ATOM_ATTRIBUTE_UNSAFE.test(tag)))
  const body =
    article.html || (article.summary ? `<p>${escapeHtml(article.summary)}</p>` : '<p></p>')
  const content = cdataHtml(body + correctionsHtml(article))
  const item: Item = {
    // RSS titles are plain text in CDATA; Atom's are type="html"
    title: format === 'atom' ? cdataHtml(escapeHtml(article.title)) : cdataHtml(article.title),
    id: articleUri(article.id),
    guid: articleUri(article.id),
    link: article.url,
    date: new Date(article.updatedAt),
    published: article.publishedAt ? new Date(article.publishedAt) : undefined,
    description: article.summary ? cdataHtml(escapeHtml(article.summary)) : undefined,
    content,
    category: tags.map((tag) => ({ name: tag, term: tag })),
  }
  if (format === 'atom') {
    if (names.length) item.author = names.map((name) => ({ name }))
  } else if (names.length) {
    // one dc:creator per author (xml-js writes an array as repeated elements)
    const creators = names.map((name) => ({ _text: name }))
    item.extensions = [
      { name: 'dc:creator', objects: creators as unknown as Record<string, unknown> },
    ]
  }
  if (featured?.url) {
    item.enclosure = { url: featured.url, length: featured.filesize ?? 0 }
    if (featured.mimeType) item.enclosure.type = featured.mimeType
  }
  return item
}
