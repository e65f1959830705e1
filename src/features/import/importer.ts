import { createHash } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG } from '@collections/slugs'
import { normalizePersonName } from '@/lib/names'
import { IMPORTED_WORKFLOW_STATE } from '@/features/workflow/rules/transitions'
import { firstFreeSlug, slugify } from '@/lib/slugify'
import { createAuditEvent, createAuthorRow, createCaptionMedia } from '@/features/import/fastWrites'
import { contentHash } from '@/features/import/hash'
import { lexicalToParagraphs, paragraphsToLexical } from '@/features/import/lexical'
import { parseText, ParseError } from '@/features/import/parse'
import { CONFLICT_MESSAGE, planImport } from '@/features/import/plan'
import type { ImportFacts } from '@/features/import/plan'
import type { ParsedArticle } from '@/features/import/parse'
import { decodeInput } from '@/features/import/parser/decode'
import { safeErrorMessage } from '@/logging/safeError'
import { CONTEXT, IMPORT_CONTEXT } from '@/lib/requestContext'
import { idOf } from '@/lib/ids'

export type ImportStatus =
  'parsed' | 'imported' | 'updated' | 'unchanged' | 'duplicate' | 'conflict' | 'skipped' | 'failed'

export interface ImportResult {
  file: string
  status: ImportStatus
  error?: string
  article?: ParsedArticle
  articleId?: string | number
  /** For duplicates: the file (or article) it duplicates. */
  duplicateOf?: string
}

export interface ImporterOptions {
  dryRun?: boolean
  /** Lines repeating across the documents of this batch (BatchEvidence): chrome evidence. */
  repeatedLines?: ReadonlySet<string>
}

/** req.context flag: the importer's own writes (hooks may skip side effects). */

/** The fields a person edits (what the edit fingerprint covers). */
type EditableFields = {
  title?: string | null
  summary?: string | null
  body?: unknown
  dateline?: string | null
  language?: string | null
  authors?: (string | number | { id: string | number })[] | null
}

type ArticleRow = EditableFields & {
  id: string | number
  source?: {
    fileName?: string | null
    contentHash?: string | null
    importedVersionHash?: string | null
  } | null
}

type NewAuthor = { key: string; id: string | number; slug: string }

/**
 * Fingerprint of the fields a person edits. Stored at import; if the article's current fingerprint
 * differs at re-import time, someone edited it and the importer keeps their edits.
 */
export const editableFingerprint = (doc: EditableFields): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        doc.title ?? '',
        doc.summary ?? '',
        lexicalToParagraphs(doc.body),
        doc.dateline ?? '',
        doc.language ?? '',
        (doc.authors ?? []).map((a) => String(idOf(a))),
      ]),
    )
    .digest('hex')

/**
 * Imports scraped documents: one document = one transaction (article, authors, caption-only
 * media, audit event). Idempotent by content hash and file name; a changed file updates its
 * article only while nobody has edited it.
 */
export class Importer {
  private readonly seen = new Map<string, string>()
  private readonly authorIds = new Map<string, string | number>()
  /** What is already imported (content hash → article, file → article), loaded once per batch. */
  private index: {
    byHash: Map<string, { id: string | number; fileName: string | null }>
    byFile: Map<string, string | number>
    slugs: Set<string>
  } | null = null
  private authorSlugs: Set<string> | null = null
  /** The stored row storedFacts read for a file, for the writer (one document at a time). */
  private readonly pendingByFile = new Map<string, ArticleRow>()

  private readonly payload: Payload

  /**
   * `payload` may be null for a dry run: nothing is read or written, and documents
   * are compared within the batch only.
   */
  constructor(
    payload: Payload | null,
    private readonly options: ImporterOptions = {},
  ) {
    if (!payload && !options.dryRun) throw new Error('the importer needs a database to write to')
    this.payload = payload as Payload
  }

  async importDocument(file: string, input: Buffer | string): Promise<ImportResult> {
    let parsed: ParsedArticle
    let rawText: string
    try {
      // decoded once: the parser takes the decoded text, the hash is of the same text
      const decoded = decodeInput(input)
      rawText = decoded.text
      parsed = parseText(decoded.text, [...decoded.warnings], {
        repeated: this.options.repeatedLines,
      })
    } catch (err) {
      const reason =
        err instanceof ParseError ? err.message : `cannot parse: ${safeErrorMessage(err)}`
      return { file, status: 'failed', error: reason }
    }
    const hash = contentHash(rawText)

    const earlierInBatch = this.seen.get(hash)
    const inBatch = planImport({ file, earlierInBatch, byHash: null, byFile: null })
    if (inBatch.kind === 'duplicate') {
      return { file, status: 'duplicate', duplicateOf: inBatch.duplicateOf, article: parsed }
    }
    this.seen.set(hash, file)

    try {
      const plan = planImport({
        file,
        ...(await this.storedFacts(file, hash)),
        dryRun: this.options.dryRun,
      })
      switch (plan.kind) {
        case 'unchanged':
          return { file, status: 'unchanged', articleId: plan.articleId, article: parsed }
        case 'duplicate':
          return {
            file,
            status: 'duplicate',
            duplicateOf: plan.duplicateOf,
            articleId: plan.articleId,
            article: parsed,
          }
        case 'conflict':
          return {
            file,
            status: 'conflict',
            error: CONFLICT_MESSAGE,
            articleId: plan.articleId,
            article: parsed,
          }
        case 'dry-run':
          return { file, status: 'parsed', article: parsed }
        case 'create':
        case 'update': {
          const byFile = plan.kind === 'update' ? (this.pendingByFile.get(file) ?? null) : null
          const articleId = await this.write(file, parsed, rawText, hash, byFile)
          const index = await this.loadIndex()
          index.byHash.set(hash, { id: articleId, fileName: file })
          index.byFile.set(file, articleId)
          return { file, status: byFile ? 'updated' : 'imported', articleId, article: parsed }
        }
      }
    } catch (err) {
      this.seen.delete(hash)
      // one line with the database's reason, never the SQL statement or the document's text
      return { file, status: 'failed', error: safeErrorMessage(err), article: parsed }
    } finally {
      this.pendingByFile.delete(file)
    }
  }

  /** The stored articles planImport needs to know about (read once per batch, plus one row). */
  private async storedFacts(
    file: string,
    hash: string,
  ): Promise<Pick<ImportFacts, 'byHash' | 'byFile'>> {
    const index = await this.loadIndex()
    let byHash = index.byHash.get(hash) ?? null
    let byFile: ArticleRow | null = null
    const fileArticleId = index.byFile.get(file)
    if (!byHash && fileArticleId !== undefined) {
      // The file was imported before with other content: read its newest version to decide.
      byFile = await this.findArticle({ id: { equals: fileArticleId } })
      if (byFile?.source?.contentHash === hash) {
        byHash = { id: byFile.id, fileName: byFile.source.fileName ?? null }
      }
    }
    if (byFile) this.pendingByFile.set(file, byFile)
    return {
      byHash,
      byFile: byFile
        ? {
            id: byFile.id,
            editedSinceImport: byFile.source?.importedVersionHash !== editableFingerprint(byFile),
          }
        : null,
    }
  }

  private async loadIndex() {
    if (this.index) return this.index
    if (!this.payload) {
      this.index = { byHash: new Map(), byFile: new Map(), slugs: new Set<string>() }
      return this.index
    }
    const byHash = new Map<string, { id: string | number; fileName: string | null }>()
    const byFile = new Map<string, string | number>()
    const slugs = new Set<string>()
    for (const draft of [false, true]) {
      // main rows, then the newest versions (a re-imported live article keeps its new text there)
      let page = 1
      for (;;) {
        const result = await this.payload.find({
          collection: ARTICLES_SLUG,
          where: draft ? { 'source.contentHash': { exists: true } } : {},
          select: { slug: true, source: { fileName: true, contentHash: true } },
          depth: 0,
          draft,
          limit: 1000,
          page,
          sort: 'id',
          overrideAccess: true,
        })
        for (const doc of result.docs as (ArticleRow & { slug?: string | null })[]) {
          if (!draft && doc.slug) slugs.add(doc.slug)
          const hash = doc.source?.contentHash
          const fileName = doc.source?.fileName ?? null
          if (hash) byHash.set(hash, { id: doc.id, fileName })
          if (fileName) byFile.set(fileName, doc.id)
        }
        if (!result.hasNextPage) break
        page++
      }
    }
    this.index = { byHash, byFile, slugs }
    return this.index
  }

  private async findArticle(where: Record<string, unknown>): Promise<ArticleRow | null> {
    const found = await this.payload.find({
      collection: ARTICLES_SLUG,
      where: where as never,
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
      overrideAccess: true,
    })
    return (found.docs[0] as ArticleRow | undefined) ?? null
  }

  private async write(
    file: string,
    parsed: ParsedArticle,
    rawText: string,
    hash: string,
    existing: ArticleRow | null,
  ): Promise<string | number> {
    const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, this.payload)
    await initTransaction(req)
    const newAuthors: NewAuthor[] = []
    let slug: string | null = null
    try {
      const authorIds: (string | number)[] = []
      for (const name of parsed.authors) {
        authorIds.push(await this.authorId(req, name, parsed.outlet, newAuthors))
      }
      const mediaIds: (string | number)[] = []
      for (const item of parsed.media) {
        mediaIds.push(
          await createCaptionMedia(this.payload, req, {
            caption: item.caption,
            credit: item.credit,
            alt: item.caption,
          }),
        )
      }
      const body = paragraphsToLexical(parsed.paragraphs)
      const editable = {
        title: parsed.title,
        summary: null,
        body,
        dateline: parsed.dateline,
        language: parsed.language,
        authors: authorIds,
      }
      const now = new Date().toISOString()
      const data = {
        ...editable,
        media: mediaIds,
        outlet: parsed.outlet,
        publishedAt: parsed.publishedAt,
        source: {
          outlet: parsed.outlet,
          editor: parsed.editor,
          translators: parsed.translators,
          fileName: file,
          contentHash: hash,
          importedAt: now,
          importedVersionHash: editableFingerprint(editable),
          warnings: parsed.warnings,
          boilerplate: parsed.boilerplate,
          confidence: parsed.confidence,
          needsAttention: parsed.needsAttention,
          rawText,
        },
      }
      let articleId: string | number
      if (existing) {
        const updated = await this.payload.update({
          collection: ARTICLES_SLUG,
          id: existing.id,
          data: data as never,
          draft: true,
          req,
          depth: 0,
          overrideAccess: true,
          select: { slug: true },
        })
        articleId = (updated as { id: string | number }).id
      } else {
        const slugs = this.index?.slugs ?? new Set<string>()
        slug = firstFreeSlug(slugify(parsed.title) || 'artikel', slugs)
        slugs.add(slug)
        const created = await this.payload.create({
          collection: ARTICLES_SLUG,
          data: {
            ...data,
            slug,
            workflowStatus: IMPORTED_WORKFLOW_STATE,
            _status: 'draft',
          } as never,
          draft: true,
          req,
          context: { ...req.context, [CONTEXT.slugReserved]: true },
          depth: 0,
          overrideAccess: true,
          // read back only what the importer needs (hooks and validation still see all the data)
          select: { slug: true },
        })
        articleId = created.id
      }
      await createAuditEvent(this.payload, req, {
        at: now,
        actorLabel: 'import',
        action: existing ? 'reimport' : 'import',
        article: articleId,
        toState: existing ? null : IMPORTED_WORKFLOW_STATE,
        note: `${existing ? 'Re-imported' : 'Imported'} from ${file}${parsed.warnings.length ? ` (${parsed.warnings.length} parser warnings)` : ''}`,
        summary: `${existing ? 'reimport' : 'import'}: ${file}`,
      })
      await commitTransaction(req)
      for (const author of newAuthors) this.authorIds.set(author.key, author.id)
      return articleId
    } catch (err) {
      await killTransaction(req)
      for (const author of newAuthors) this.authorSlugs?.delete(author.slug)
      if (slug) this.index?.slugs.delete(slug)
      throw err
    }
  }

  private async loadAuthors(req: PayloadRequest) {
    if (this.authorSlugs) return this.authorSlugs
    const slugs = new Set<string>()
    let page = 1
    for (;;) {
      const result = await this.payload.find({
        collection: AUTHORS_SLUG,
        select: { slug: true, normalizedName: true, outlet: true },
        depth: 0,
        limit: 1000,
        page,
        sort: 'id',
        req,
        overrideAccess: true,
      })
      for (const doc of result.docs as {
        id: string | number
        slug?: string | null
        normalizedName?: string | null
        outlet?: string | null
      }[]) {
        if (doc.slug) slugs.add(doc.slug)
        if (doc.normalizedName)
          this.authorIds.set(`${doc.normalizedName}\u0000${doc.outlet ?? ''}`, doc.id)
      }
      if (!result.hasNextPage) break
      page++
    }
    this.authorSlugs = slugs
    return slugs
  }

  private async authorId(
    req: PayloadRequest,
    name: string,
    outlet: string | null,
    created: NewAuthor[],
  ): Promise<string | number> {
    const slugs = await this.loadAuthors(req)
    const normalized = normalizePersonName(name)
    const key = `${normalized}\u0000${outlet ?? ''}`
    const cached = this.authorIds.get(key) ?? created.find((a) => a.key === key)?.id
    if (cached !== undefined) return cached
    const slug = firstFreeSlug(slugify(name) || 'author', slugs)
    slugs.add(slug)
    const id = await createAuthorRow(this.payload, req, { name, slug, outlet })
    created.push({ key, id, slug })
    return id
  }
}
