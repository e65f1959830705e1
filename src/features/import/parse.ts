/**
 * Parser for plain-text copies of scraped news articles (Indonesian and English).
 *
 * Every non-blank line is classified by role (title, meta, caption, body, boilerplate) from its
 * position and shape; site chrome is recognised from the data in `parser/patterns.ts`. The
 * result keeps every input line (`lines`) so nothing is silently lost.
 */
import type { DateParts } from '@/features/import/parser/dates'
import type { ChromePattern } from '@/features/import/parser/patterns'
import { emptyInfo } from '@/features/import/parser/byline'
import type { MetaInfo } from '@/features/import/parser/byline'
import {
  isOutletLike,
  normalizeOutlet,
  parseDateline,
  parseMetaLine,
  placeOffset,
} from '@/features/import/parser/byline'
import { matchCaption } from '@/features/import/parser/caption'
import { parseDateOnly, toIso } from '@/features/import/parser/dates'
import { decodeInput } from '@/features/import/parser/decode'
import { ParseError } from '@/features/import/parser/errors'
import { detectLanguage } from '@/features/import/parser/language'
import {
  AFFILIATION,
  CAPTION_LABEL_LINE,
  CHROME_PATTERNS,
  COPYRIGHT_OWNER_STRIP,
  HONORIFIC,
  INITIALS_RE,
  RELATED_HEADING,
  TRANSLATED_FROM_BY,
  TRANSLATION_NOTE,
} from '@/features/import/parser/patterns'
import {
  describeFeatures,
  lineFeatures,
  mayBeProse,
  mayBeShapeChrome,
} from '@/features/import/parser/features'
import type { LineFeatures } from '@/features/import/parser/features'
import { isKnownPlace, isNameLike } from '@/features/import/parser/byline'

export { ParseError } from '@/features/import/parser/errors'
export { MAX_DOCUMENT_BYTES } from '@/features/import/parser/decode'

export interface ParsedMedia {
  caption: string
  credit: string | null
}

export type LineRole = 'title' | 'meta' | 'caption' | 'body' | 'boilerplate'

export interface ParsedArticle {
  title: string
  authors: string[]
  outlet: string | null
  editor: string | null
  translators: string[]
  /** The place of the dateline, e.g. 'Jakarta'. */
  dateline: string | null
  /** ISO 8601 with offset; WIB = +07:00, WITA = +08:00, WIT = +09:00. */
  publishedAt: string | null
  /** ISO 639-1 code detected from the text. */
  language: string
  media: ParsedMedia[]
  /** Body paragraphs in order, with paragraphs split by the scraper re-joined. */
  paragraphs: string[]
  boilerplate: string[]
  warnings: string[]
  /** Per-field confidence, 0 (not found) … 1 (certain), for the editor's review. */
  confidence: FieldConfidence
  /** True when a field's confidence is low enough that an editor should look (review queue). */
  needsAttention: boolean
  /** Every non-blank input line (normalized, trimmed) with its role, in input order. */
  lines: { role: LineRole; text: string }[]
}

export interface FieldConfidence {
  title: number
  authors: number
  outlet: number
  date: number
  captions: number
  body: number
}

/** Below this a field needs an editor's attention. */
export const ATTENTION_THRESHOLD = 0.7

interface Line {
  text: string
  block: number
  role: LineRole | null
  chrome: ChromePattern | null
  /** What decided the role (for --explain and the warnings). */
  why: string
}

/** Batch evidence handed to the pure parser by the importer. */
export interface ParseOptions {
  /** Lines (trimmed) that repeat across several documents of the same import batch. */
  repeated?: ReadonlySet<string>
  /** Record the deciding features of every line (for --explain; slower). */
  explain?: boolean
}

interface MetaHit {
  info: MetaInfo
  text: string
}

const MAX_TITLE_LENGTH = 250
const MAX_LEADING_LINES = 8
const GUESS_WINDOW = 3
const MAX_SHORT_WARNINGS = 5
const TRAILER_PROSE_MIN = 40
const DEFAULT_OFFSET = '+07:00'
const OFFSET_ZONES: Record<string, string> = {
  '+07:00': 'WIB',
  '+08:00': 'WITA',
  '+09:00': 'WIT',
}

const HAS_LETTER = /\p{L}/u
const SENTENCE_END = /[.!?…]$/
const CLOSERS_TAIL = /["”’'»)\]]+$/u
const CLOSER_CHARS = new Set(['"', '”', '’', "'", '»', ')', ']'])
const CONTINUATION_START = /^[\p{Ll}"“'‘(«]/u
const CONTINUATION_END = /[,;:\-–—]$/
const LIST_ITEM = /^(?:[-–•*▪]\s+|\d{1,2}[.)]\s+)/
const HEADING_START = /^[\p{Lu}\d"“]/u
const TITLE_SUFFIX = /^(.{10,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/
const REPUBLISHED_OUTLET =
  /\b(?:tayang|terbit|dimuat|published|appeared)\s+(?:di|on|in)\s+([\p{L}\d.]+(?:\s+[\p{Lu}][\p{L}\d.]*){0,2})/u

const matchChrome = (text: string): ChromePattern | null => {
  for (const p of CHROME_PATTERNS) {
    if (text.length <= p.maxLength && p.re.test(text)) return p
  }
  return null
}

const wordCount = (text: string): number => {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}

/** True when a paragraph ends a sentence (ignoring closing quotes and editor initials). */
const endsSentence = (text: string): boolean => {
  let t = text
  if (t.endsWith(')')) t = t.replace(INITIALS_RE, '').trimEnd()
  if (CLOSER_CHARS.has(t[t.length - 1])) t = t.replace(CLOSERS_TAIL, '')
  return SENTENCE_END.test(t)
}

const isHeadingLike = (text: string): boolean =>
  text.length <= 80 && wordCount(text) <= 10 && HEADING_START.test(text)

/**
 * Whether the scraper split one paragraph in two: `prev` does not end a sentence and `next`
 * continues it. Headings (short, capitalised, followed by a capitalised line) and a following
 * dateline stop the join.
 */
const shouldJoin = (prev: string, next: string): boolean => {
  if (endsSentence(prev)) return false
  if (LIST_ITEM.test(next) || LIST_ITEM.test(prev)) return false
  if (parseDateline(next) !== null) return false
  if (CONTINUATION_START.test(next)) return true
  if (CONTINUATION_END.test(prev)) return true
  // Two lines of running text, the second opening a new sentence: separate paragraphs.
  // (bounded: `prev` is the paragraph so far and may be long)
  if (
    wordCount(prev.slice(-300)) >= 14 &&
    wordCount(next.slice(0, 300)) >= 8 &&
    /^\p{Lu}/u.test(next)
  ) {
    return false
  }
  return !isHeadingLike(prev)
}

/** A headline: short, and not ending like a sentence or opening with a dateline. */
const isHeadlineLike = (text: string): boolean =>
  text.length <= 150 && !endsSentence(text) && parseDateline(text) === null

const splitLines = (text: string): Line[] => {
  const out: Line[] = []
  let block = 0
  let blank = false
  for (const raw of text.split('\n')) {
    const t = raw.trim()
    if (t.length === 0) {
      blank = true
      continue
    }
    if (blank && out.length > 0) block++
    blank = false
    out.push({ text: t, block, role: null, chrome: null, why: '' })
  }
  return out
}

const dedupe = (names: string[]): string[] => {
  const seen = new Set<string>()
  const out: string[] = []
  for (const n of names) {
    const key = n.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(n)
  }
  return out
}

const quote = (text: string): string =>
  JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)

/**
 * Prose balance used to decide where the end-of-article trailer starts: a trailer may only
 * start after some body-like text and must not be followed by more than half as much prose as
 * precedes it (so a mid-article "Selanjutnya" on a multi-page article is not a trailer).
 */
const makeTrailerGuard = (lines: Line[], from: number): ((start: number) => boolean) => {
  // cumulative[i] = prose characters in lines[from .. i-1]
  const cumulative = new Array<number>(lines.length + 1).fill(0)
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    const prose =
      i >= from && l.chrome === null && l.text.length >= TRAILER_PROSE_MIN ? l.text.length : 0
    cumulative[i + 1] = cumulative[i] + prose
  }
  const total = cumulative[lines.length]
  return (start: number): boolean => {
    const before = cumulative[start]
    const after = total - before
    return before > 0 && after <= before * 0.5
  }
}

/** Hard-wrapped text: most lines inside a block stop mid-sentence and lines are short. */
const isHardWrapped = (lines: Line[], body: number[]): boolean => {
  let pairs = 0
  let open = 0
  let maxLength = 0
  for (let k = 0; k < body.length; k++) {
    const i = body[k]
    maxLength = Math.max(maxLength, lines[i].text.length)
    const next = body[k + 1]
    if (next === i + 1 && lines[next].block === lines[i].block) {
      pairs++
      if (!endsSentence(lines[i].text)) open++
    }
  }
  return pairs >= 3 && maxLength <= 110 && open >= pairs * 0.5
}

const RUBRIC_SPLIT = /^(.{2,40}?)\s+(?:[|—–/]|-{1,2})\s+(\S.*)$/
const LOCATION_TAIL = /^(.*?\S)\s*[([]([^()[\]]{2,30})[)\]]$/
const ALL_CAPS_WORDS = /^[\p{Lu}\d &.'-]+$/u

const stripHonorifics = (info: MetaInfo): MetaInfo => {
  info.authors = info.authors.map((a) => a.replace(HONORIFIC, ''))
  return info
}

/**
 * A metadata line, with the byline shapes parseMetaLine does not know: a desk or rubric before
 * the name ("EKONOMI | Name", "Hukum & Kriminal — Name — date"), a location in brackets
 * ("Name (Palu)", "Name [Seoul]"), translator notes, and affiliation lines under a name.
 */
const metaLine = (
  text: string,
  ctx: 'header' | 'body',
  afterAuthor: boolean,
): { info: MetaInfo; why: string } | null => {
  const creditOnly =
    text.length <= 100 && (text[0] === '(' || text[0] === '[') ? CREDIT_ONLY_LINE.exec(text) : null
  if (creditOnly) {
    const info = emptyInfo()
    info.photoCredit = creditOnly[1].trim()
    info.credit = true
    return { info, why: 'photo credit in brackets' }
  }
  if (ctx === 'header' && text.length <= 200) {
    const by = TRANSLATED_FROM_BY.exec(text)
    if (by) {
      const names = parseMetaLine(`Translator: ${by[1]}`, 'body')
      if (names !== null) return { info: names, why: 'translated-from note with a name' }
    }
    if (TRANSLATION_NOTE.test(text) && text.length <= 160) {
      return { info: emptyInfo(), why: 'translation note' }
    }
    if (afterAuthor && text.length <= 120 && AFFILIATION.test(text) && !SENTENCE_END.test(text)) {
      return { info: emptyInfo(), why: 'affiliation under an author line' }
    }
  }
  const plain = parseMetaLine(text, ctx)
  if (ctx !== 'header' || text.length > 200) {
    return plain === null ? null : { info: plain, why: 'metadata shape' }
  }
  // A plain parse with at most one author needs no second look (most dates and labelled lines).
  const last = text[text.length - 1]
  const bracketed = last === ')' || last === ']'
  if (plain !== null && plain.authors.length <= 1 && !bracketed) {
    return { info: stripHonorifics(plain), why: 'metadata shape' }
  }
  // Location in brackets after the byline.
  const loc = bracketed ? LOCATION_TAIL.exec(text) : null
  if (loc) {
    const inner = loc[2].trim()
    if (
      isKnownPlace(inner) ||
      (!inner.includes(' ') && !isOutletLike(inner) && isNameLike(inner))
    ) {
      const info = parseMetaLine(loc[1], ctx)
      if (info !== null && info.authors.length > 0) {
        info.place = info.place ?? normalizePlaceText(inner)
        info.guessed = false
        return { info: stripHonorifics(info), why: 'byline with a location in brackets' }
      }
    }
  }
  // A desk or rubric before the name: the name is the last part.
  const rubric = RUBRIC_SPLIT.exec(text)
  if (rubric && parseDateOnly(rubric[1]) === null) {
    const rest = parseMetaLine(rubric[2], ctx)
    const head = rubric[1].trim()
    // "Name / Name" is more often two authors than a desk and a name: with a slash only a
    // one-word or capitals head counts as a desk
    const slash = /^\S.*?\s\/\s/.test(text.slice(0, head.length + 3))
    const headIsRubric =
      ALL_CAPS_WORDS.test(head) ||
      !isNameLike(head) ||
      !head.includes(' ') ||
      (!slash && (plain === null || plain.authors.length > 1))
    if (rest !== null && rest.authors.length > 0 && slash && !headIsRubric) {
      rest.authors.unshift(head)
      rest.guessed = false
      return { info: stripHonorifics(rest), why: 'co-authors separated by a slash' }
    }
    if (rest !== null && rest.authors.length > 0 && headIsRubric && !isOutletLike(head)) {
      rest.guessed = false
      return { info: stripHonorifics(rest), why: `desk/rubric "${head}" before the byline` }
    }
  }
  return plain === null ? null : { info: stripHonorifics(plain), why: 'metadata shape' }
}

/** Lines longer than this are never share rows, reader prompts or link lists. */
const SHORT_FEATURE_LINE = 200

const CREDIT_ONLY_LINE = /^[([]\s*(?:foto|photo|image|gambar)\s*[:：/]\s*([^()[\]]{2,80})[)\]]$/i

/**
 * Second pass over the lines left as body: decides from features (share rows, link/tag/handle
 * shapes, reader prompts), batch repetition and position (nothing that is not prose after the
 * last prose paragraph) which of them are chrome.
 */
function refineByFeatures(lines: Line[], titleIndex: number, options: ParseOptions): number {
  // Features are computed lazily: most body lines are long sentences that need none.
  const feats: (LineFeatures | null)[] = new Array<LineFeatures | null>(lines.length).fill(null)
  const feat = (i: number): LineFeatures =>
    (feats[i] ??= lineFeatures(lines[i].text, options.explain))
  let removed = 0
  const drop = (i: number, why: string): void => {
    lines[i].role = 'boilerplate'
    lines[i].why = options.explain ? `${why}; ${describeFeatures(feat(i))}` : why
    removed++
  }
  const isBody = (i: number): boolean => lines[i].role === 'body'
  // 1. Short lines that are chrome by their own shape or by batch repetition.
  for (let i = titleIndex + 1; i < lines.length; i++) {
    if (!isBody(i) || lines[i].text.length > SHORT_FEATURE_LINE) continue
    const repeated = options.repeated?.has(lines[i].text) === true
    if (!repeated && !options.explain && !mayBeShapeChrome(lines[i].text)) continue
    const f = feat(i)
    if (repeated && !f.prose) {
      drop(i, 'repeats across documents of this batch')
    } else if (f.shareRow) drop(i, 'share-button row')
    else if (f.linkish) drop(i, 'links, hashtags or handles only')
    else if (f.readerPrompt) drop(i, 'speaks to the reader (comment/share/follow)')
  }
  // 2. The last prose paragraph (in hard-wrapped text: the last run of lines that continue each
  // other and read as prose together), scanning back from the end.
  const bodyIndexes: number[] = []
  for (let i = 0; i < lines.length; i++) if (isBody(i)) bodyIndexes.push(i)
  const wrapped = bodyIndexes.length > 0 && isHardWrapped(lines, bodyIndexes)
  let lastProse = -1
  for (let k = bodyIndexes.length - 1; k >= 0 && lastProse < 0; k--) {
    const i = bodyIndexes[k]
    if (i <= titleIndex) break
    if (LIST_ITEM.test(lines[i].text) || (mayBeProse(lines[i].text) && feat(i).prose)) {
      lastProse = i
      break
    }
    if (!wrapped) continue
    let s = k
    while (
      s > 0 &&
      bodyIndexes[s - 1] === bodyIndexes[s] - 1 &&
      lines[bodyIndexes[s - 1]].block === lines[i].block &&
      !endsSentence(lines[bodyIndexes[s - 1]].text)
    ) {
      s--
    }
    if (s < k) {
      const unit = lineFeatures(
        bodyIndexes
          .slice(s, k + 1)
          .map((j) => lines[j].text)
          .join(' '),
      )
      if (unit.prose) lastProse = i
      else k = s
    }
  }
  if (lastProse >= 0) {
    // A hard-wrapped paragraph's last line (even a single word) belongs to it.
    let end = lastProse
    while (
      end + 1 < lines.length &&
      lines[end + 1].role === 'body' &&
      lines[end + 1].block === lines[end].block &&
      !endsSentence(lines[end].text)
    ) {
      end++
    }
    for (let i = end + 1; i < lines.length; i++) {
      if (isBody(i)) drop(i, 'after the last prose paragraph and not prose')
    }
  }
  for (let i = titleIndex + 1; options.explain && i < lines.length; i++) {
    if (isBody(i)) lines[i].why = `${lines[i].why}; ${describeFeatures(feat(i))}`
  }
  return removed
}

const normalizePlaceText = (text: string): string =>
  ALL_CAPS_WORDS.test(text) ? text[0] + text.slice(1).toLowerCase() : text

/** Parses one scraped article. Throws ParseError for unusable input. */
/** Everything the phases pass on: the classified lines and what they yielded. */
export interface ClassifiedLines {
  lines: Line[]
  metas: MetaHit[]
  media: ParsedMedia[]
  titleLine: string
  /** Lines dropped as chrome by features, position or batch repetition (not by a pattern). */
  decidedByFeatures: number
}

/**
 * Phase 2 (after decode): split into lines and give each its role (title, meta, caption, body,
 * boilerplate) from its position and shape; collects meta lines and captions on the way.
 */
export function classifyLines(
  text: string,
  warnings: string[],
  options: ParseOptions = {},
): ClassifiedLines {
  const lines = splitLines(text)
  for (const l of lines) l.chrome = matchChrome(l.text)

  const metas: MetaHit[] = []
  const media: ParsedMedia[] = []

  // Title: the first line that is neither chrome nor a bare date.
  let titleIndex = -1
  for (let i = 0; i < lines.length && i < MAX_LEADING_LINES; i++) {
    const l = lines[i]
    if (l.chrome !== null) {
      l.role = 'boilerplate'
      continue
    }
    const date = parseDateOnly(l.text)
    if (date !== null) {
      l.role = 'meta'
      metas.push({ info: { ...emptyInfo(), date }, text: l.text })
      continue
    }
    // An outlet name on its own line above the title ("JPNN.com", "kumparanNEWS").
    if (!l.text.includes(' ') && i + 1 < lines.length && isOutletLike(l.text)) {
      l.role = 'meta'
      metas.push({ info: { ...emptyInfo(), outlet: normalizeOutlet(l.text) }, text: l.text })
      continue
    }
    if (l.text.length > MAX_TITLE_LENGTH || !HAS_LETTER.test(l.text)) break
    l.role = 'title'
    titleIndex = i
    break
  }
  if (titleIndex < 0) throw new ParseError('no recognizable title')
  const titleLine = lines[titleIndex].text

  const trailerGuard = makeTrailerGuard(lines, titleIndex + 1)
  let trailerStart = lines.length
  for (let i = titleIndex + 1; i < lines.length; i++) {
    if (lines[i].chrome?.trailer && trailerGuard(i)) {
      trailerStart = i
      break
    }
  }
  let inBody = false
  let captionNext = false
  let bodyCount = 0
  let relatedList = false
  let pendingCredit: string | null = null
  let previousRole: LineRole | null = null
  let lastMetaHadAuthor = false
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const l = lines[i]
    if (i >= trailerStart) {
      const info = parseMetaLine(l.text, 'body')
      if (info !== null && info.credit) {
        l.role = 'meta'
        metas.push({ info, text: l.text })
      } else l.role = 'boilerplate'
      continue
    }
    if (l.chrome !== null) {
      l.role = 'boilerplate'
      relatedList = RELATED_HEADING.test(l.text)
      continue
    }
    if (relatedList) {
      // Headlines listed under a bare "Baca Juga" / "Berita Terkait" heading.
      if (isHeadlineLike(l.text) && parseMetaLine(l.text, 'body') === null) {
        l.role = 'boilerplate'
        continue
      }
      relatedList = false
    }
    if (captionNext && l.text.length <= 400) {
      // The line after a bare caption label ("Keterangan gambar,") is the caption.
      const caption = matchCaption(l.text, 400) ?? { caption: l.text, credit: null }
      l.role = 'caption'
      media.push({ caption: caption.caption, credit: caption.credit ?? pendingCredit })
      pendingCredit = null
      captionNext = false
      previousRole = 'caption'
      continue
    }
    captionNext = false
    if (CAPTION_LABEL_LINE.test(l.text)) {
      l.role = 'meta'
      captionNext = true
      previousRole = 'meta'
      continue
    }
    // Header rules still apply right after a one-line deck (subtitle) under the title.
    const header = bodyCount === 0 || (bodyCount === 1 && i <= titleIndex + 3)
    // "FOTO: description (Credit)" is a caption even though it starts like a credit line.
    let caption0 =
      header && /^(?:foto|photo|gambar|image)\b/i.test(l.text) ? matchCaption(l.text, 400) : null
    if (caption0 !== null && caption0.credit === null && wordCount(caption0.caption) < 4) {
      caption0 = null
    }
    const hit: { info: MetaInfo; why: string } | null =
      caption0 === null ? metaLine(l.text, header ? 'header' : 'body', lastMetaHadAuthor) : null
    const info: MetaInfo | null = hit?.info ?? null
    if (info !== null && !(info.guessed && (bodyCount > 0 || i > titleIndex + GUESS_WINDOW))) {
      l.role = 'meta'
      l.why = hit?.why ?? 'metadata shape'
      lastMetaHadAuthor = info.authors.length > 0 || (lastMetaHadAuthor && info.date === null)
      metas.push({ info, text: l.text })
      if (info.guessed) warnings.push(`byline guessed from name-like line: ${quote(l.text)}`)
      if (info.photoCredit !== null) {
        // A credit line right after a caption without one belongs to it; otherwise keep it
        // for the caption that follows.
        const last = media[media.length - 1]
        const prev = lines[i - 1]
        if (previousRole === 'caption' && last.credit === null) last.credit = info.photoCredit
        else if (
          previousRole === 'body' &&
          bodyCount === 1 &&
          prev.block === l.block &&
          prev.text.length <= 250 &&
          (i - 2 < 0 || lines[i - 2].block !== l.block)
        ) {
          // "Description." then "(Foto: Outlet/Name)" on the next line: a caption and its credit.
          prev.role = 'caption'
          prev.why = 'caption: followed by its credit line'
          media.push({ caption: prev.text, credit: info.photoCredit })
          bodyCount = 0
          inBody = false
        } else pendingCredit = info.photoCredit
      }
      // Closing credits ("Editor: …", "Reporting by …") after the body end the article.
      const personCredit =
        info.authors.length + info.reporting.length + info.translators.length > 0 ||
        info.editor !== null
      if (inBody && info.credit && personCredit && i + 1 < trailerStart && trailerGuard(i + 1)) {
        trailerStart = i + 1
      }
      previousRole = 'meta'
      continue
    }
    const caption = caption0 ?? matchCaption(l.text, header ? 400 : 300)
    if (caption !== null) {
      const prev = lines[i - 1]
      // A caption wrapped over two lines: the first line opens the block and stops mid-sentence.
      if (
        prev.role === 'body' &&
        prev.block === l.block &&
        (i - 2 < 0 || lines[i - 2].block !== l.block) &&
        !endsSentence(prev.text) &&
        prev.text.length <= 120 &&
        CONTINUATION_START.test(l.text)
      ) {
        prev.role = 'caption'
        prev.why = 'caption: first line of a caption wrapped over two lines'
        l.role = 'meta'
        l.why = 'caption: continuation line (kept with the caption above)'
        bodyCount--
        if (bodyCount === 0) inBody = false
        media.push({
          caption: `${prev.text} ${caption.caption}`,
          credit: caption.credit ?? pendingCredit,
        })
      } else {
        l.role = 'caption'
        l.why = 'caption shape (description + credit or photo prefix)'
        media.push({ caption: caption.caption, credit: caption.credit ?? pendingCredit })
      }
      pendingCredit = null
      previousRole = 'caption'
      continue
    }
    l.role = 'body'
    l.why = 'no metadata, caption or chrome shape'
    inBody = true
    bodyCount++
    previousRole = 'body'
  }

  const decidedByFeatures = refineByFeatures(lines, titleIndex, options)
  return { lines, metas, media, titleLine, decidedByFeatures }
}

/** Phase 3: body lines → paragraphs, re-joined where the scraper split a sentence. */
export function joinParagraphs(lines: Line[], warnings: string[]): string[] {
  const bodyIndexes: number[] = []
  for (let i = 0; i < lines.length; i++) if (lines[i].role === 'body') bodyIndexes.push(i)
  if (bodyIndexes.length === 0) throw new ParseError('no body text')
  const wrapped = isHardWrapped(lines, bodyIndexes)
  const paragraphs: string[] = []
  let current = ''
  for (let k = 0; k < bodyIndexes.length; k++) {
    const line = lines[bodyIndexes[k]]
    if (k === 0) {
      current = line.text
      continue
    }
    const prevIndex = bodyIndexes[k - 1]
    const sameBlock = prevIndex === bodyIndexes[k] - 1 && lines[prevIndex].block === line.block
    if ((wrapped && sameBlock) || shouldJoin(current, line.text)) {
      current = `${current} ${line.text}`
    } else {
      paragraphs.push(current)
      current = line.text
    }
  }
  paragraphs.push(current)
  if (wrapped) warnings.push('hard-wrapped text: lines inside a paragraph block were joined')

  let shortWarnings = 0
  for (const p of paragraphs) {
    if (shortWarnings < MAX_SHORT_WARNINGS && p.length < 40 && wordCount(p) < 4) {
      warnings.push(`short line treated as body: ${quote(p)}`)
      shortWarnings++
    }
  }

  return paragraphs
}

/** What the meta lines, the title and the dateline say about the article. */
export interface CollectedMetadata {
  title: string
  authors: string[]
  outlet: string | null
  editor: string | null
  translators: string[]
  /** The dateline's place, or one from a meta line. */
  place: string | null
  initials: string | null
  published: DateParts | null
  updated: DateParts | null
  /** The outlet came only from a footer, label, domain or credit. */
  outletFromEvidence: boolean
}

const DOMAIN_ONLY =
  /^(?:https?:\/\/)?(?:www\.)?([a-z\d-]+\.(?:co\.id|com|id|net|org|co|vn|my|sg|ph|th|in|kr|jp|news|tv|asia))\/?$/i
const DOMAIN_IN = /\b([a-z\d-]+\.(?:co\.id|com|id|net|org|vn|my|sg|ph|news|asia))\b/i
const AGENCY_WORD =
  /\b(?:foto|photo|antara|reuters|afp|ap|epa|getty|xinhua|bernama|kyodo|anadolu|shutterstock|istock|istimewa|dok)\b/i

const cleanOwner = (raw: string): string | null => {
  const owner = raw
    .replace(COPYRIGHT_OWNER_STRIP, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:|·-]+|[\s.,;:|·-]+$/g, '')
  if (owner.length < 2 || owner.length > 50 || owner.split(' ').length > 6) return null
  if (!/^\p{L}/u.test(owner) || /[.!?]\s/.test(owner)) return null
  return normalizeOutlet(owner)
}

/**
 * The outlet when no byline, title or dateline names it: a copyright footer, an
 * "(Outlet - Rubric)" label, a bare domain line, or an "Outlet/Photographer" photo credit.
 */
const outletFromEvidence = (
  lines: Line[],
  metas: MetaHit[],
  media: ParsedMedia[],
): string | null => {
  // best candidate so far by rank (1 = copyright footer … 5 = photo credit), found lazily
  let best: string | null = null
  let rank = 6
  const offer = (r: number, name: string | null): void => {
    if (name !== null && r < rank) {
      rank = r
      best = name
    }
  }
  for (const l of lines) {
    if (rank === 1) break
    if (l.role === 'body' || l.role === 'title') continue
    const label = l.chrome?.label
    if (label === 'copyright') offer(1, cleanOwner(l.text))
    else if (label === 'section-label' && rank > 2) {
      const m = /^\(\s*(.+?)\s+[-–—|]\s+/.exec(l.text)
      if (m) offer(2, normalizeOutlet(m[1]))
    } else if (label === 'disclosure' && rank > 2) {
      const m = /\brepublished from (.+?) under\b/i.exec(l.text)
      if (m && m[1].split(' ').length <= 6) offer(2, normalizeOutlet(m[1]))
    } else if (rank > 3 && l.text.length <= 60 && l.text.includes('.')) {
      const d = DOMAIN_ONLY.exec(l.text)
      if (d) offer(3, normalizeOutlet(d[1].toLowerCase()))
    }
  }
  if (rank > 4) {
    for (const { info } of metas) if (info.photoCredit) offer(...creditOutlet(info.photoCredit))
    for (const item of media) if (item.credit) offer(...creditOutlet(item.credit))
  }
  return best
}

const creditOutlet = (credit: string): [number, string | null] => {
  const parts = credit.replace(/^(?:foto|photo|dok)\s*[.:/]\s*/i, '').split('/')
  if (parts.length !== 2) return [6, null]
  const [a, b] = parts.map((p) => p.trim())
  const domain = DOMAIN_IN.exec(credit)
  if (domain) return [4, normalizeOutlet(domain[1].toLowerCase())]
  if (isNameLike(b) && !AGENCY_WORD.test(a) && a.length <= 40 && /^\p{Lu}/u.test(a)) {
    return [5, normalizeOutlet(a)]
  }
  return [6, null]
}

/** Phase 4: byline, outlet, editor, translators, dateline and dates from the classified lines. */
export function collectMetadata(
  { lines, metas, media, titleLine }: ClassifiedLines,
  paragraphs: string[],
  warnings: string[],
): CollectedMetadata {
  // Dateline: the opening of the first paragraph (or the second, after a short lead).
  let dateline = parseDateline(paragraphs[0])
  if (dateline === null && paragraphs.length > 1 && paragraphs[0].length < 160) {
    dateline = parseDateline(paragraphs[1])
  }

  // Metadata gathered from meta lines.
  const bylineAuthors: string[] = []
  const reporting: string[] = []
  const translators: string[] = []
  let outlet: string | null = null
  let editor: string | null = null
  let place: string | null = null
  let initials: string | null = null
  let published: DateParts | null = null
  let updated: DateParts | null = null
  for (const { info } of metas) {
    bylineAuthors.push(...info.authors)
    reporting.push(...info.reporting)
    translators.push(...info.translators)
    outlet = outlet ?? info.outlet
    editor = editor ?? info.editor
    place = place ?? info.place
    initials = initials ?? info.initials
    if (info.date !== null) {
      if (info.dateIsUpdate) updated = updated ?? info.date
      else published = published ?? info.date
    }
  }

  let authors = dedupe(bylineAuthors)
  if (authors.length === 0) authors = dedupe(reporting)
  if (authors.length === 0) warnings.push('no byline found')

  let title = titleLine
  const suffix = TITLE_SUFFIX.exec(titleLine)
  if (suffix && isOutletLike(suffix[2])) {
    title = suffix[1]
    outlet = outlet ?? normalizeOutlet(suffix[2])
  }
  outlet = outlet ?? dateline?.outlet ?? null
  if (outlet === null) {
    for (const l of lines) {
      if (l.role !== 'boilerplate' || l.chrome?.label !== 'republished') continue
      const m = REPUBLISHED_OUTLET.exec(l.text)
      if (m && isOutletLike(m[1])) {
        outlet = normalizeOutlet(m[1])
        break
      }
    }
  }

  let outletFromFooter = false
  if (outlet === null) {
    outlet = outletFromEvidence(lines, metas, media)
    outletFromFooter = outlet !== null
  }

  return {
    title,
    authors,
    outlet,
    editor,
    translators: dedupe(translators),
    place: dateline?.place ?? place,
    initials,
    published,
    updated,
    outletFromEvidence: outletFromFooter,
  }
}

/** Phase 5: the publication date as ISO 8601 with an offset (from the dateline's zone if unstated). */
export function resolveDates(
  { published: found, updated, place: datelinePlace }: CollectedMetadata,
  warnings: string[],
): string | null {
  let published = found
  let publishedAt: string | null = null
  if (published === null && updated !== null) {
    published = updated
    warnings.push('only an update date found; used as publishedAt')
  }
  if (published !== null) {
    let offset = published.offset
    if (offset === null) {
      const fromPlace = placeOffset(datelinePlace)
      offset = fromPlace ?? DEFAULT_OFFSET
      const zone = OFFSET_ZONES[offset] ?? offset
      warnings.push(
        fromPlace !== null
          ? `time zone not stated; assumed ${offset} (${zone}) from dateline ${quote(datelinePlace ?? '')}`
          : `time zone not stated; assumed ${offset} (${zone})`,
      )
    }
    publishedAt = toIso(published, offset)
  } else warnings.push('publishedAt not found')

  return publishedAt
}

/**
 * Parses already-decoded text (decodeInput's output) through the named phases:
 * classify lines → join paragraphs → collect metadata → resolve dates.
 */
export function parseText(
  text: string,
  warnings: string[] = [],
  options: ParseOptions = {},
): ParsedArticle {
  const classified = classifyLines(text, warnings, options)
  const { lines, media } = classified
  const paragraphs = joinParagraphs(lines, warnings)
  const meta = collectMetadata(classified, paragraphs, warnings)
  const { title, authors, outlet, editor, translators, place: datelinePlace } = meta
  let { initials } = meta
  const publishedAt = resolveDates(meta, warnings)

  const lastParagraph = paragraphs[paragraphs.length - 1]
  const tailInitials = INITIALS_RE.exec(lastParagraph)
  if (initials === null && tailInitials) initials = tailInitials[1].replace(/\s+/g, '')
  if (editor === null && initials !== null) {
    warnings.push(`editor initials found but no editor named: (${initials})`)
  }

  const guess = detectLanguage(`${title}\n${paragraphs.join('\n')}`)
  if (!guess.confident) warnings.push(`language uncertain; assumed "${guess.language}"`)

  const boilerplate: string[] = []
  const outLines: { role: LineRole; text: string }[] = []
  for (const l of lines) {
    const role = l.role ?? 'boilerplate'
    if (role === 'boilerplate') boilerplate.push(l.text)
    outLines.push({ role, text: l.text })
  }

  // Review hints: what an editor should check, and how sure each field is.
  const truncated = media.filter((m) => m.credit === null && !endsSentence(m.caption))
  for (const m of truncated) warnings.push(`caption may be truncated: ${quote(m.caption)}`)
  const uncredited = media.filter((m) => m.credit === null).length
  if (boilerplate.length > 0) {
    warnings.push(
      `removed ${boilerplate.length} chrome line${boilerplate.length === 1 ? '' : 's'} (kept as boilerplate)` +
        (classified.decidedByFeatures > 0
          ? `, ${classified.decidedByFeatures} decided by features, not patterns`
          : ''),
    )
  }
  const guessedByline = warnings.some((w) => w.startsWith('byline guessed'))
  const zoneAssumed = warnings.some((w) => w.startsWith('time zone not stated'))
  const bodyLines = lines.filter((l) => l.role === 'body').length
  const shortBody = warnings.filter((w) => w.startsWith('short line treated as body')).length
  const confidence: FieldConfidence = {
    title: title.length >= 10 && title.length <= 200 ? 1 : 0.6,
    authors: authors.length === 0 ? 0 : guessedByline ? 0.6 : 0.95,
    outlet: outlet === null ? 0 : meta.outletFromEvidence ? 0.75 : 0.95,
    date: publishedAt === null ? 0 : zoneAssumed ? 0.8 : 1,
    captions: truncated.length > 0 ? 0.5 : uncredited > 0 ? 0.75 : 1,
    // chrome removed by features (not patterns) is the main doubt about the body; a document
    // with a single paragraph may have lost some of it
    body: Math.max(
      0.3,
      1 -
        Math.min(
          0.3,
          (classified.decidedByFeatures / (bodyLines + classified.decidedByFeatures || 1)) * 0.5,
        ) -
        Math.min(0.3, shortBody * 0.1) -
        (paragraphs.length < 2 ? 0.3 : 0),
    ),
  }
  for (const k of Object.keys(confidence) as (keyof FieldConfidence)[]) {
    confidence[k] = Math.round(confidence[k] * 100) / 100
  }
  const needsAttention =
    confidence.title < ATTENTION_THRESHOLD ||
    confidence.authors < ATTENTION_THRESHOLD ||
    confidence.date < ATTENTION_THRESHOLD ||
    confidence.captions < ATTENTION_THRESHOLD ||
    confidence.body < ATTENTION_THRESHOLD

  return {
    title,
    authors,
    outlet,
    editor,
    translators,
    dateline: datelinePlace,
    publishedAt,
    language: guess.language,
    media,
    paragraphs,
    boilerplate,
    warnings,
    confidence,
    needsAttention,
    lines: outLines,
  }
}

/** Phase 1 + the rest: decode bytes or text (decodeInput), then parseText. */
export function parseDocument(
  input: string | Buffer,
  options: { fileName: string },
): ParsedArticle {
  void options.fileName
  const { text, warnings } = decodeInput(input)
  return parseText(text, warnings)
}

export interface BatchInput {
  fileName: string
  input: string | Buffer
}

export interface BatchResult {
  fileName: string
  article: ParsedArticle | null
  error: string | null
}

const MAX_EVIDENCE_LINE = 200
const MAX_EVIDENCE_ENTRIES = 200_000

/**
 * Batch evidence (issue #12): counts, per distinct short line, how many documents of a batch
 * contain it. Lines in two or more documents are site chrome when nothing else claims them
 * (as jusText, boilerpipe and Trafilatura do for HTML). Pure; the importer feeds it the batch's
 * decoded texts before parsing them.
 */
export class BatchEvidence {
  private readonly counts = new Map<string, number>()

  add(text: string): void {
    const seen = new Set<string>()
    for (const raw of text.split('\n')) {
      const line = raw.trim()
      if (line.length === 0 || line.length > MAX_EVIDENCE_LINE || seen.has(line)) continue
      seen.add(line)
      const n = this.counts.get(line)
      if (n !== undefined) this.counts.set(line, n + 1)
      else if (this.counts.size < MAX_EVIDENCE_ENTRIES) this.counts.set(line, 1)
    }
  }

  repeated(minDocuments = 2): Set<string> {
    const out = new Set<string>()
    for (const [line, n] of this.counts) if (n >= minDocuments) out.add(line)
    return out
  }
}

/** Parses the documents of one import batch, with the lines repeating across them as evidence. */
export function parseBatch(inputs: readonly BatchInput[]): BatchResult[] {
  const evidence = new BatchEvidence()
  const decoded = inputs.map(({ input }) => {
    try {
      const d = decodeInput(input)
      evidence.add(d.text)
      return d
    } catch (err) {
      if (err instanceof ParseError) return err
      throw err
    }
  })
  const repeated = evidence.repeated()
  return inputs.map(({ fileName }, i) => {
    const d = decoded[i]
    if (d instanceof ParseError) return { fileName, article: null, error: d.message }
    try {
      return { fileName, article: parseText(d.text, [...d.warnings], { repeated }), error: null }
    } catch (err) {
      if (err instanceof ParseError) return { fileName, article: null, error: err.message }
      throw err
    }
  })
}

export interface ExplainedLine {
  role: LineRole
  text: string
  /** The rule or the features that decided the role. */
  why: string
}

/** Each line with its role and what decided it (`npm run seed -- --explain FILE`). */
export function explainDocument(
  input: string | Buffer,
  options: ParseOptions = {},
): { article: ParsedArticle; lines: ExplainedLine[] } {
  const { text, warnings } = decodeInput(input)
  const classified = classifyLines(text, [...warnings], { ...options, explain: true })
  const article = parseText(text, warnings, options)
  const lines = classified.lines.map((l) => ({
    role: l.role ?? 'boilerplate',
    text: l.text,
    why:
      l.why ||
      (l.chrome !== null ? `pattern: ${l.chrome.label}` : '') ||
      (l.role === 'title'
        ? 'first line that is neither chrome nor a date'
        : l.role === 'meta'
          ? 'date or outlet line above the title, or trailer credit'
          : l.role === 'boilerplate'
            ? 'in the end-of-article trailer'
            : ''),
  }))
  return { article, lines }
}
