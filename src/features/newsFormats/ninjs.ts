import type { ArticleView, PhotoView } from './view'

/**
 * IPTC ninjs 3.1 (News in JSON) for one article (pure). The schema is IPTC's
 * (https://www.iptc.org/std/ninjs/, CC BY 4.0); tests validate every document against a copy.
 */

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'

/** The stable identifier of an article in feeds (Atom id, RSS guid) and ninjs `uri`. */
export const articleUri = (id: number | string): string =>
  `urn:redaksi:article:${encodeURIComponent(String(id))}`

export const mediaUri = (id: number | string): string =>
  `urn:redaksi:media:${encodeURIComponent(String(id))}`

type Text = { role?: string; contentType?: string; value: string }

export interface NinjsRendition {
  name: string
  href?: string
  contentType?: string
  width?: number
  height?: number
  sizeInBytes?: number
}

export interface NinjsAssociation {
  name: string
  uri: string
  type: 'picture'
  rel?: string
  descriptions?: Text[]
  renditions?: NinjsRendition[]
  copyrightHolder?: string
}

export interface NinjsDocument {
  uri: string
  type: 'text'
  representationType: 'full'
  version: string
  firstCreated: string
  versionCreated: string
  pubStatus: 'usable' | 'withheld'
  language: string
  copyrightHolder: string
  headlines: Text[]
  descriptions?: Text[]
  bodies: (Text & { charCount: number; wordCount: number })[]
  by?: string
  people?: { name: string; rel: string; literal?: string }[]
  subjects?: { name: string }[]
  altIds: { role: string; value: string }[]
  renditions: NinjsRendition[]
  associations?: NinjsAssociation[]
}

export interface NinjsExtras {
  /** The count of saved versions up to this one. */
  version: number
  /** The outlet's name when the article names none (PUBLICATION_NAME). */
  publicationName: string
  /** The credited editor of the imported source document, if any. */
  creditedEditor?: string | null
}

const association = (photo: PhotoView, index: number): NinjsAssociation => {
  const descriptions: Text[] = []
  if (photo.caption)
    descriptions.push({ role: 'caption', contentType: 'text/plain', value: photo.caption })
  if (photo.credit)
    descriptions.push({ role: 'creditline', contentType: 'text/plain', value: photo.credit })
  if (photo.alt && photo.alt !== photo.caption) {
    descriptions.push({ role: 'alternative', contentType: 'text/plain', value: photo.alt })
  }
  const rendition: NinjsRendition = { name: 'original' }
  if (photo.url) rendition.href = photo.url
  if (photo.mimeType) rendition.contentType = photo.mimeType
  if (photo.width) rendition.width = photo.width
  if (photo.height) rendition.height = photo.height
  if (photo.filesize) rendition.sizeInBytes = photo.filesize
  return {
    name: photo.featured ? 'featuredimage' : `image${index}`,
    uri: mediaUri(photo.id),
    type: 'picture',
    rel: photo.featured ? 'featured' : 'illustration',
    ...(descriptions.length ? { descriptions } : {}),
    ...(photo.url ? { renditions: [rendition] } : {}),
    ...(photo.credit ? { copyrightHolder: photo.credit } : {}),
  }
}

export const toNinjs = (article: ArticleView, extras: NinjsExtras): NinjsDocument => {
  const people = article.authors.map((author) => ({
    name: author.name,
    rel: 'author',
    ...(author.slug ? { literal: author.slug } : {}),
  }))
  const editor = extras.creditedEditor?.trim()
  if (editor) people.push({ name: editor, rel: 'editor' })
  let pictures = 0
  const doc: NinjsDocument = {
    uri: articleUri(article.id),
    type: 'text',
    representationType: 'full',
    version: String(Math.max(1, extras.version)),
    firstCreated: new Date(article.createdAt).toISOString(),
    versionCreated: new Date(article.updatedAt).toISOString(),
    pubStatus: article.published ? 'usable' : 'withheld',
    language: article.language,
    copyrightHolder: article.outlet || extras.publicationName,
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.title }],
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        value: article.html,
        charCount: article.charCount,
        wordCount: article.wordCount,
      },
      {
        role: 'main',
        contentType: 'text/plain',
        value: article.text,
        charCount: article.charCount,
        wordCount: article.wordCount,
      },
    ],
    altIds: [
      { role: 'slug', value: article.slug },
      { role: 'id', value: String(article.id) },
    ],
    renditions: [{ name: 'web', href: article.url, contentType: 'text/html' }],
  }
  // corrections and updates: a plain-text body each (ninjs 3.1 has no ednote), oldest first
  for (const correction of article.corrections) {
    const value = `${correction.kind} (${correction.date.slice(0, 10)}): ${correction.text}`
    doc.bodies.push({
      role: correction.kind,
      contentType: 'text/plain',
      value,
      charCount: [...value].length,
      wordCount: value.split(/\s+/).filter(Boolean).length,
    })
  }
  if (article.summary) {
    doc.descriptions = [{ role: 'summary', contentType: 'text/plain', value: article.summary }]
  }
  if (article.authors.length) doc.by = article.authors.map((author) => author.name).join(', ')
  if (people.length) doc.people = people
  if (article.tags.length) doc.subjects = article.tags.map((name) => ({ name }))
  if (article.photos.length) {
    doc.associations = article.photos.map((photo) =>
      association(photo, photo.featured ? 0 : ++pictures),
    )
  }
  return doc
}
