/**
 * Layout-independent line features (issue #12): what a line looks like, not which site it came
 * from. The classifier in parse.ts decides roles from these; `explain` prints them.
 */
import { EN_STOPWORDS, ID_STOPWORDS } from '@/features/import/parser/patterns'

export interface LineFeatures {
  words: number
  length: number
  /** Share of words that are Indonesian or English function words. */
  stopwords: number
  /** Ends like a sentence (., !, ?, …, optionally followed by closing quotes). */
  sentence: boolean
  /** Share of words starting with a capital letter. */
  capitalised: number
  /** Made of links, domains, #hashtags or @handles only. */
  linkish: boolean
  /** Made of social-network and share-button words only ("Facebook", "X (Twitter)", "Salin tautan"). */
  shareRow: boolean
  /** Speaks to the reader about commenting, sharing or following ("Tulis komentar Anda"). */
  readerPrompt: boolean
  /** Reads like prose: enough words and function words, and a sentence shape. */
  prose: boolean
}

const WORD = /[\p{L}\p{N}'’-]+/gu
const LINK_HINT = /[.#@/]/
/** A hashtag, handle, path or domain-like dot (not a full stop before a space). */
const DOMAIN_OR_TAG_HINT = /[#@/]|\.\p{L}/u
const SENTENCE_TAIL = /[.!?…]["”’'»)\]]*$/u
const LINK_TOKEN =
  /^(?:https?:\/\/\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co|vn|my|sg|ph|th|in|kr|jp|news|tv|asia)(?:\/\S*)?|#[\p{L}\d_]+|@[\w.]+)[,;]?$/iu

/** Social networks and share-button words (data, not site names). */
const SHARE_WORDS = new Set([
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'telegram',
  'line',
  'linkedin',
  'reddit',
  'pinterest',
  'instagram',
  'tiktok',
  'youtube',
  'threads',
  'email',
  'e-mail',
  'surel',
  'print',
  'cetak',
  'share',
  'bagikan',
  'salin',
  'tautan',
  'copy',
  'link',
  'tweet',
  'messenger',
  'wa',
  'fb',
  'this',
  'story',
  'article',
  'artikel',
  'ini',
])
const SHARE_CORE = new Set([
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'reddit',
  'pinterest',
  'share',
  'bagikan',
  'salin',
  'copy',
  'tweet',
  'email',
])

const SECOND_PERSON = /\b(?:anda|kamu|you|your|yours)\b/i
const PROMPT_TOPIC =
  /\b(?:komentar|comments?|conversation|diskusi|pendapat|subscribe|berlangganan|langganan|newsletter|follow|ikuti|bagikan|share|kirim(?:kan)? tulisan|kolom)\b/i
const UI_IMPERATIVE =
  /^\W*(?:geser|swipe|klik|click|tap|ketuk|scroll|gulir|tulis komentar|leave a (?:comment|reply)|join the (?:conversation|discussion)|berikan komentar|add a comment|sign up|daftar sekarang|unduh|download|follow us|ikuti kami)\b/i

/** Long lines ending a sentence are prose whatever their words; no need to count them. */
const FAST_PROSE_LENGTH = 160
/** The longest word in the stopword and share-word lists. */
const MAX_LISTED_WORD = 10
const MAX_SAMPLE = 2000

export const lineFeatures = (text: string, full = false): LineFeatures => {
  if (!full && text.length >= FAST_PROSE_LENGTH && SENTENCE_TAIL.test(text)) {
    const words = Math.round(text.length / 6)
    return {
      words,
      length: text.length,
      stopwords: 0.2,
      sentence: true,
      capitalised: 0.2,
      linkish: false,
      shareRow: false,
      readerPrompt: false,
      prose: true,
    }
  }
  // a very long line is judged on its opening (enough for every feature; keeps this linear-cheap)
  const sample = !full && text.length > MAX_SAMPLE ? text.slice(0, MAX_SAMPLE) : text
  const tokens = sample.match(WORD) ?? []
  let stop = 0
  let caps = 0
  let share = 0
  let shareCore = 0
  const few = tokens.length <= 12
  for (const raw of tokens) {
    const first = raw[0]
    if (first !== first.toLowerCase()) caps++ // lower-casing changes a capital
    if (raw.length > MAX_LISTED_WORD) continue // no function or share word is longer
    const w = raw.toLowerCase()
    if (ID_STOPWORDS.has(w) || EN_STOPWORDS.has(w)) stop++
    if (few && SHARE_WORDS.has(w)) share++
    if (few && SHARE_CORE.has(w)) shareCore++
  }
  const words = tokens.length
  const parts = sample.split(' ')
  const linkish =
    LINK_HINT.test(text) &&
    parts.length <= 40 &&
    parts.every((p) => p.length <= 200 && LINK_TOKEN.test(p))
  const sentence = SENTENCE_TAIL.test(text)
  const stopwords = words === 0 ? 0 : stop / words
  const shareRow = words > 0 && words <= 12 && share === words && (shareCore > 0 || words <= 2)
  const readerPrompt =
    words > 0 &&
    words <= 14 &&
    ((SECOND_PERSON.test(text) && PROMPT_TOPIC.test(text)) || UI_IMPERATIVE.test(text))
  const capitalised = words === 0 ? 0 : caps / words
  // Headlines are title-cased and unpunctuated; running text has function words and ends
  // sentences (a long line may lack the full stop, e.g. a scraper cut).
  const prose =
    words >= 6 &&
    ((sentence && (stopwords >= 0.08 || (words >= 8 && capitalised < 0.4))) ||
      (words >= 14 && stopwords >= 0.08) ||
      words >= 16 ||
      (words >= 8 && stopwords >= 0.15 && capitalised < 0.5))
  return {
    words,
    length: text.length,
    stopwords,
    sentence,
    capitalised,
    linkish,
    shareRow,
    readerPrompt,
    prose,
  }
}

/** Cheap test before lineFeatures: prose needs at least six words. */
export const mayBeProse = (text: string): boolean => {
  if (text.length < 20) return false
  let spaces = 0
  for (let i = text.indexOf(' '); i >= 0 && spaces < 5; i = text.indexOf(' ', i + 1)) spaces++
  return spaces >= 5
}

/**
 * Cheap test before lineFeatures: only a line that starts with a share word, holds a link,
 * hashtag or handle shape, or addresses the reader can be share/link/prompt chrome.
 */
export const mayBeShapeChrome = (text: string): boolean => {
  if (DOMAIN_OR_TAG_HINT.test(text)) return true
  const space = text.indexOf(' ')
  const first = (space < 0 ? text : text.slice(0, space)).toLowerCase()
  if (SHARE_WORDS.has(first.replace(/[^\p{L}-]/gu, ''))) return true
  return UI_IMPERATIVE.test(text) || SECOND_PERSON.test(text)
}

/** A compact "why" string for --explain. */
export const describeFeatures = (f: LineFeatures): string =>
  [
    `w=${f.words}`,
    `stop=${f.stopwords.toFixed(2)}`,
    `caps=${f.capitalised.toFixed(2)}`,
    f.sentence ? 'sentence' : 'no-sentence-end',
    f.prose ? 'prose' : 'not-prose',
    f.linkish ? 'link/tag/handle' : '',
    f.shareRow ? 'share-row' : '',
    f.readerPrompt ? 'reader-prompt' : '',
  ]
    .filter(Boolean)
    .join(' ')
