import type { ReactNode } from 'react'
import type { UIFieldServerProps } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { photoLabels } from '@/features/photos/labels'
import type { Article, Media } from '@/payload-types'
import { langOf, t } from '@/admin/labels'
import type { Lang } from '@/admin/labels'
import { namesOf } from '@/admin/shared'

type LexicalNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string }
  children?: LexicalNode[]
}

// Lexical text format bits.
const BOLD = 1
const ITALIC = 1 << 1
const STRIKETHROUGH = 1 << 2
const UNDERLINE = 1 << 3

const renderText = (node: LexicalNode, key: number): ReactNode => {
  let out: ReactNode = node.text ?? ''
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & BOLD) out = <strong>{out}</strong>
  if (format & ITALIC) out = <em>{out}</em>
  if (format & UNDERLINE) out = <u>{out}</u>
  if (format & STRIKETHROUGH) out = <s>{out}</s>
  return <span key={key}>{out}</span>
}

const renderInline = (nodes: LexicalNode[] | undefined): ReactNode[] =>
  (nodes ?? []).map((node, i) => {
    switch (node.type) {
      case 'text':
        return renderText(node, i)
      case 'linebreak':
        return <br key={i} />
      case 'tab':
        return <span key={i}> </span>
      case 'link':
      case 'autolink':
        return (
          <a key={i} href={node.fields?.url ?? node.url} rel="noreferrer" target="_blank">
            {renderInline(node.children)}
          </a>
        )
      default:
        return <span key={i}>{renderInline(node.children)}</span>
    }
  })

const plainText = (node: LexicalNode): string =>
  node.text ?? (node.children ?? []).map(plainText).join('')

/** Top-level Lexical blocks → reader HTML (paragraphs, headings, lists, quotes). */
const renderBlock = (node: LexicalNode, key: number, lead?: ReactNode): ReactNode => {
  switch (node.type) {
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tag ?? '') ? node.tag : 'h2') as
        'h2' | 'h3'
      return <Tag key={key}>{renderInline(node.children)}</Tag>
    }
    case 'list': {
      const items = (node.children ?? []).map((item, i) => (
        <li key={i}>{renderInline(item.children)}</li>
      ))
      return node.listType === 'number' ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>
    }
    case 'quote':
      return <blockquote key={key}>{renderInline(node.children)}</blockquote>
    case 'horizontalrule':
      return <hr key={key} />
    case 'upload':
    case 'relationship':
    case 'block':
      return null
    default:
      return (
        <p key={key}>
          {lead}
          {renderInline(node.children)}
        </p>
      )
  }
}

const Figure = ({ media, lang, hero }: { media: Media; lang: Lang; hero?: boolean }) => {
  const src = hero ? (media.sizes?.hero?.url ?? media.url) : (media.sizes?.card?.url ?? media.url)
  return (
    <figure className="redaksi-reader__figure" data-testid="reader-preview-figure">
      {media.filename && src ? (
        <img alt={media.alt || media.caption || ''} src={src} />
      ) : (
        <div className="redaksi-reader__photo-missing" data-photo-status="missing">
          {t(lang, 'photoMissing')}{' '}
          <a href={`/admin/collections/media/${media.id}`} data-testid="reader-preview-attach">
            {photoLabels.attach[lang]}
          </a>
        </div>
      )}
      <figcaption>
        {media.caption}
        {media.credit && (
          <>
            {' '}
            <span className="redaksi-reader__credit" data-testid="reader-preview-credit">
              Foto: {media.credit}
            </span>
          </>
        )}
      </figcaption>
    </figure>
  )
}

/**
 * Article edit view (a `ui` field): the last saved version of the article as readers will see
 * it — headline, byline, dateline, photos with captions and credits, body paragraphs.
 */
export const ReaderPreview = async ({ id, payload, user, i18n }: UIFieldServerProps) => {
  const lang = langOf(i18n?.language)
  const article = id
    ? ((await payload.findByID({
        collection: ARTICLES_SLUG,
        id,
        draft: true,
        depth: 1,
        overrideAccess: false,
        user,
        disableErrors: true,
        select: {
          title: true,
          summary: true,
          body: true,
          authors: true,
          media: true,
          featuredMedia: true,
          dateline: true,
          language: true,
        },
      })) as Article | null)
    : null

  if (!article) {
    return (
      <details className="redaksi-panel redaksi-reader-preview" data-testid="reader-preview">
        <summary className="redaksi-panel__title">{t(lang, 'readerPreview')}</summary>
        <p className="redaksi-muted">{t(lang, 'previewUnsaved')}</p>
      </details>
    )
  }

  const authors = namesOf(article.authors)
  const featured =
    article.featuredMedia && typeof article.featuredMedia === 'object'
      ? article.featuredMedia
      : null
  const photos = (article.media ?? []).filter(
    (m): m is Media => typeof m === 'object' && m !== null && m.id !== featured?.id,
  )
  const blocks = ((article.body?.root?.children ?? []) as LexicalNode[]).filter(
    (node) => node.type !== 'paragraph' || plainText(node).trim() !== '',
  )
  const dateline = article.dateline?.trim()
  const datelineLead = dateline ? (
    <>
      <span className="redaksi-reader__dateline" data-testid="reader-preview-dateline">
        {dateline}
      </span>{' '}
      —{' '}
    </>
  ) : null
  const firstParagraph = blocks.findIndex((node) => (node.type ?? 'paragraph') === 'paragraph')

  return (
    <details className="redaksi-panel redaksi-reader-preview" data-testid="reader-preview" open>
      <summary className="redaksi-panel__title">{t(lang, 'readerPreview')}</summary>
      <p className="redaksi-muted">{t(lang, 'readerPreviewHint')}</p>
      <article className="redaksi-reader" lang={article.language || undefined}>
        <h1 className="redaksi-reader__title" data-testid="reader-preview-title">
          {article.title}
        </h1>
        {article.summary && <p className="redaksi-reader__summary">{article.summary}</p>}
        {authors.length > 0 && (
          <p className="redaksi-reader__byline" data-testid="reader-preview-byline">
            {t(lang, 'by')} {authors.join(', ')}
          </p>
        )}
        {featured && <Figure media={featured} lang={lang} hero />}
        {photos.map((media) => (
          <Figure key={media.id} media={media} lang={lang} />
        ))}
        <div className="redaksi-reader__body" data-testid="reader-preview-body">
          {blocks.length === 0 ? (
            <p className="redaksi-muted">
              {datelineLead}
              {t(lang, 'noBody')}
            </p>
          ) : (
            blocks.map((node, i) =>
              renderBlock(node, i, i === firstParagraph ? datelineLead : null),
            )
          )}
        </div>
      </article>
    </details>
  )
}
