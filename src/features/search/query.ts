/**
 * Search input rules and text folding, pure (no Payload, no I/O): the endpoint, the GraphQL query
 * and every engine adapter use them, so all three databases see the same terms.
 *
 * A query is reduced to its words: letters and digits folded to lower case without accents
 * ("Ukraïna's" → "ukraina"), a possessive 's dropped. Everything else (quotes, `*`, `:`,
 * parentheses, `-`, `^`) separates words and never reaches the database's query syntax; operator
 * words (`OR`, `NEAR`, `AND`, `NOT`) are ordinary words. Every word must match, as a prefix.
 */

export const SEARCH_MAX_QUERY_CHARS = 200
export const SEARCH_MAX_TERMS = 8
export const SEARCH_MAX_TERM_CHARS = 40
export const SEARCH_DEFAULT_LIMIT = 10
export const SEARCH_MAX_PAGE = 1000

/** Private-use marks around matches in snippets until they become <mark> (see toHighlightHtml). */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export class SearchInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SearchInputError'
  }
}

export interface SearchParams {
  q: string
  terms: string[]
  page: number
  limit: number
  language: string | null
}

/** Lower case, no diacritics, compatibility forms folded (ﬁ → fi, full-width → ASCII). */
export const foldText = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/** Text as it is stored in an index: no NULs or mark characters, bounded length. */
export const indexableText = (value: string | null | undefined, max = 200_000): string =>
  (value ?? '')
    .replaceAll('\u0000', ' ')
    .replace(/[\uE000\uE001]/g, ' ')
    .slice(0, max)

/** The search words of a query (folded, deduplicated, at most SEARCH_MAX_TERMS). */
export const searchTerms = (q: string): string[] => {
  const folded = foldText(q).replace(/(\p{L})['’ʼ]s\b/gu, '$1')
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? []
  const terms: string[] = []
  for (const word of words) {
    const term = word.slice(0, SEARCH_MAX_TERM_CHARS)
    if (!terms.includes(term)) terms.push(term)
  }
  // one-letter words only count when nothing else is searched ("a" in "Plan a" finds everything)
  const meaningful = terms.filter((t) => t.length > 1)
  return (meaningful.length ? meaningful : terms).slice(0, SEARCH_MAX_TERMS)
}

const whole = (raw: unknown, name: string, min: number, max: number, fallback: number): number => {
  if (raw === undefined || raw === null || raw === '') return fallback
  const text = typeof raw === 'number' ? String(raw) : raw
  if (typeof text !== 'string' || !/^\d{1,7}$/.test(text)) {
    throw new SearchInputError(`${name} must be a whole number from ${min} to ${max}.`)
  }
  const value = Number(text)
  if (value < min || value > max) {
    throw new SearchInputError(`${name} must be a whole number from ${min} to ${max}.`)
  }
  return value
}

/**
 * Checks raw parameters (query string or GraphQL arguments); throws SearchInputError (→ 400) for
 * a missing, too long or wordless q, a bad page, limit or language.
 */
export const parseSearchParams = (
  raw: { q?: unknown; page?: unknown; limit?: unknown; language?: unknown },
  maxLimit: number,
): SearchParams => {
  if (typeof raw.q !== 'string' || raw.q.trim() === '') {
    throw new SearchInputError('q is required: the words to search for.')
  }
  if (raw.q.length > SEARCH_MAX_QUERY_CHARS) {
    throw new SearchInputError(`q must be at most ${SEARCH_MAX_QUERY_CHARS} characters.`)
  }
  const terms = searchTerms(raw.q)
  if (terms.length === 0) {
    throw new SearchInputError('q must contain at least one letter or digit.')
  }
  const limit = whole(raw.limit, 'limit', 1, maxLimit, Math.min(SEARCH_DEFAULT_LIMIT, maxLimit))
  const page = whole(raw.page, 'page', 1, SEARCH_MAX_PAGE, 1)
  let language: string | null = null
  if (raw.language !== undefined && raw.language !== null && raw.language !== '') {
    if (typeof raw.language !== 'string' || !/^[a-z]{2}$/.test(raw.language)) {
      throw new SearchInputError('language must be a two-letter ISO 639-1 code, e.g. id or en.')
    }
    language = raw.language
  }
  return { q: raw.q, terms, page, limit, language }
}

const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** A snippet with MARK_START/MARK_END around matches → escaped HTML with <mark> elements. */
export const toHighlightHtml = (snippet: string): string => {
  let open = false
  let out = ''
  for (const part of snippet.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) out += '<mark>'
      open = true
    } else if (part === MARK_END) {
      if (open) out += '</mark>'
      open = false
    } else out += escapeHtml(part)
  }
  return open ? `${out}</mark>` : out
}

/**
 * Marks the words of `text` that start with a search term (accent- and case-insensitively),
 * keeping the original spelling; used where the database gives no highlighter (MongoDB) or
 * highlights folded text. With `window`, returns the part around the first match.
 */
export const markTerms = (text: string, terms: string[], window?: number): string => {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  const hits = words.filter((w) => {
    const folded = foldText(w[0])
    return terms.some((t) => folded.startsWith(t))
  })
  let start = 0
  let end = text.length
  if (window !== undefined && text.length > window) {
    const first = hits[0]?.index ?? 0
    start = Math.max(0, first - Math.floor(window / 3))
    end = Math.min(text.length, start + window)
    // whole words at the edges
    if (start > 0) start = text.indexOf(' ', start) + 1 || start
    const space = text.lastIndexOf(' ', end)
    if (end < text.length && space > start) end = space
  }
  let out = ''
  let at = start
  for (const hit of hits) {
    const index = hit.index ?? 0
    if (index < start || index + hit[0].length > end) continue
    out += text.slice(at, index) + MARK_START + hit[0] + MARK_END
    at = index + hit[0].length
  }
  out += text.slice(at, end)
  return `${start > 0 ? '… ' : ''}${out.trim()}${end < text.length ? ' …' : ''}`
}
