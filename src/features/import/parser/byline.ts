/** Bylines, credits, datelines and outlet names. */
import type { DateParts } from '@/features/import/parser/dates'
import {
  findDate,
  isEmptyRest,
  isUpdatedDate,
  looksLikeDateFragment,
  parseDateOnly,
} from '@/features/import/parser/dates'
import {
  ABBREVIATED_ROLE,
  AUTHOR_ROLE,
  CREDIT_LABEL,
  EDITOR_ROLE,
  INITIALS_LINE,
  KEEP_UPPER,
  OTHER_CREDIT_PREFIX,
  OUTLET_HINT,
  PHOTO_CREDIT_PREFIX,
  PLACE_QUALIFIERS,
  PLACE_ZONES,
  REPORT_BY_OUTLET,
  REPORTING_PREFIX,
  ROLE_LIST_SPLIT,
  ROLE_WORDS,
  TEAM_CREDIT,
  TRANSLATOR_ROLE,
  LABEL_SPLIT,
} from '@/features/import/parser/patterns'

/** What one metadata line contributed. */
export interface MetaInfo {
  authors: string[]
  /** Names from "Reporting by …": authors only when no byline names were found. */
  reporting: string[]
  outlet: string | null
  editor: string | null
  translators: string[]
  date: DateParts | null
  dateIsUpdate: boolean
  place: string | null
  /** A photo credit on its own line ("Sumber gambar, ANTARA FOTO", "Foto: Istimewa"). */
  photoCredit: string | null
  initials: string | null
  /** True when the line was only taken as a byline because of its shape and position. */
  guessed: boolean
  /** True for credit lines (author/editor/translator prefixes) that also count in a trailer. */
  credit: boolean
}

/**
 * Where the line sits: in the header (after the title, before the body) unprefixed bylines,
 * outlet-only lines and places are accepted; in the body and trailer only explicit credits.
 */
export type MetaContext = 'header' | 'body'

/** Metadata with nothing found yet. */
export const emptyInfo = (): MetaInfo => ({
  authors: [],
  reporting: [],
  outlet: null,
  editor: null,
  translators: [],
  date: null,
  dateIsUpdate: false,
  place: null,
  photoCredit: null,
  initials: null,
  guessed: false,
  credit: false,
})

const NAME_PARTICLES = new Set([
  'bin',
  'binti',
  'van',
  'der',
  'den',
  'de',
  'da',
  'dos',
  'del',
  'della',
  'von',
  'al',
  'el',
  'la',
  'le',
  'di',
  'du',
  'ibn',
  'abu',
  'ter',
  'ten',
  'y',
  'e',
])
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3}-\p{Lu}[\p{L}'’-]*)$/u
const SEGMENT_SPLIT = /\s*[|·•●▪;]\s*/
const NAME_SPLIT = /\s*,\s*|\s+(?:dan|and|&)\s+/i
const CONJUNCTION_SPLIT = /\s+(?:dan|and|&)\s+/i
const PAREN_TAIL = /^(.*?\S)\s*\(([^()]{2,60})\)$/
const DASH_TAIL = /^(.*?\S)\s+[-–—]{1,2}\s+(\S.*)$/
const CAMEL = /\p{Ll}\p{Lu}/u
const TRIM_PUNCT = /^[\s\-–—:,;.()[\]]+|[\s\-–—:,;()[\]]+$/g
const TRIM_EDGES = /^[\s\-–—:,;.]+|[\s\-–—:,;]+$/g
const HAS_DIGIT = /\d/
// E-mail addresses and handles after a credit: "(heru@example.com)", "@handle".
const CONTACT = /\s*\(?\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+)\s*\)?/g

const isSimple = (text: string): boolean => !/[,()]|\s[-–—]\s/.test(text)

/** "Jakarta Globe", "Bali Post", "Surabaya Pagi": a known place followed by one or two words. */
const isPlaceNamedOutlet = (text: string): boolean => {
  const words = text.split(' ')
  if (words.length < 2 || words.length > 3) return false
  if (words.some((w) => PLACE_QUALIFIERS.test(w))) return false
  return isKnownPlace(words[0]) || isKnownPlace(`${words[0]} ${words[1]}`)
}

/** Title-cases words written in capitals ("BEKASI" → "Bekasi"), keeping known acronyms. */
export const titleCaseCaps = (text: string): string =>
  text.replace(/\p{Lu}{2,}/gu, (w) => (KEEP_UPPER.has(w) ? w : w[0] + w.slice(1).toLowerCase()))

const isAllCaps = (text: string): boolean => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)

/** Readable outlet name: "KOMPAS.com" → "Kompas.com", "TRIBUNNEWS.COM" → "Tribunnews.com". */
export const normalizeOutlet = (raw: string): string => {
  const text = raw.replace(TRIM_PUNCT, '').replace(/\s+/g, ' ')
  return text
    .split(' ')
    .map((word) => {
      const dot = word.indexOf('.')
      const name = dot > 0 ? word.slice(0, dot) : word
      const domain = dot > 0 ? word.slice(dot).toLowerCase() : ''
      // "sumbarkini.id" → "Sumbarkini.id" (one name whether written in capitals or not)
      if (dot > 0 && /^\p{Ll}+$/u.test(name) && /^\.[a-z.]{2,8}$/.test(domain)) {
        return name[0].toUpperCase() + name.slice(1) + domain
      }
      if (dot > 0 && !isAllCaps(name)) return name + domain
      const fixed =
        isAllCaps(name) && name.length > 4 && !KEEP_UPPER.has(name)
          ? name[0] + name.slice(1).toLowerCase()
          : name
      return fixed + domain
    })
    .join(' ')
}

/** Readable place name: "BEKASI" → "Bekasi", "Kupang" unchanged. */
export const normalizePlace = (raw: string): string => {
  const text = raw.replace(TRIM_PUNCT, '').replace(/\s+/g, ' ')
  return isAllCaps(text) ? titleCaseCaps(text) : text
}

export const isOutletLike = (text: string): boolean => {
  const t = text.trim()
  if (t.length === 0 || t.length > 40 || t.split(/\s+/).length > 4) return false
  if (/[!?]$/.test(t)) return false
  return OUTLET_HINT.test(t) || CAMEL.test(t)
}

export const isKnownPlace = (text: string): boolean => PLACE_ZONES.has(text.trim().toUpperCase())

/** The UTC offset of an Indonesian place, if known. */
export const placeOffset = (place: string | null): string | null =>
  place === null ? null : (PLACE_ZONES.get(place.trim().toUpperCase()) ?? null)

/** A plausible personal name: 1–6 capitalised words, no digits. */
export const isNameLike = (text: string): boolean => {
  if (text.length < 2 || text.length > 60 || HAS_DIGIT.test(text)) return false
  const words = text.split(/\s+/)
  if (words.length > 6) return false
  if (!NAME_WORD.test(words[0])) return false
  for (const w of words) {
    if (!NAME_WORD.test(w) && !NAME_PARTICLES.has(w)) return false
  }
  return true
}

const cleanName = (raw: string): string => {
  const name = raw.replace(TRIM_PUNCT, '').replace(/\s+/g, ' ')
  return isAllCaps(name) && name.length > 3 ? titleCaseCaps(name) : name
}

interface NamesResult {
  names: string[]
  outlet: string | null
}

/**
 * Names with an optional outlet: "Muhaimin, Sindonews", "Name - detikNews",
 * "Dio Suhenda (The Jakarta Post)", "A, B dan C", "Fahmi, Jurnalis". Null when any part is
 * neither a name, a role word nor an outlet.
 */
export const parseNames = (raw: string): NamesResult | null => {
  let text = raw.replace(TRIM_EDGES, '')
  let outlet: string | null = null
  const paren = PAREN_TAIL.exec(text)
  if (paren) {
    const inner = paren[2].trim()
    if (!isOutletLike(inner) && !isNameLike(inner)) return null
    outlet = inner
    text = paren[1]
  }
  const dash = DASH_TAIL.exec(text)
  if (dash) {
    const right = dash[2].trim()
    if (ROLE_WORDS.test(right)) text = dash[1]
    else if (isOutletLike(right) || (outlet === null && /^\S+$/.test(right))) {
      outlet = outlet ?? right
      text = dash[1]
    } else return null
  }
  const parts = text.split(/\s*,\s*/)
  const names: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].replace(TRIM_PUNCT, '')
    if (part.length === 0) continue
    if (ROLE_WORDS.test(part)) continue
    if (i > 0 && outlet === null && isOutletLike(part) && !CONJUNCTION_SPLIT.test(part)) {
      outlet = part
      continue
    }
    for (const n of part.split(CONJUNCTION_SPLIT)) {
      const name = n.replace(TRIM_PUNCT, '')
      if (!isNameLike(name)) return null
      names.push(cleanName(name))
    }
  }
  if (names.length === 0 && outlet === null) return null
  return { names, outlet: outlet === null ? null : normalizeOutlet(outlet) }
}

const namesOnly = (raw: string): string[] | null => {
  const out: string[] = []
  for (const n of raw.replace(TRIM_PUNCT, '').split(NAME_SPLIT)) {
    const name = n.replace(TRIM_PUNCT, '')
    if (name.length === 0) continue
    if (!isNameLike(name)) return null
    out.push(cleanName(name))
  }
  return out.length > 0 ? out : null
}

/** Parses one segment of a metadata line into `info`; false when it is not metadata. */
const parseSegment = (seg: string, ctx: MetaContext, info: MetaInfo, nested = false): boolean => {
  if (seg.length === 0) return true
  const dateOnly = parseDateOnly(seg)
  if (dateOnly) {
    if (info.date === null) {
      info.date = dateOnly
      info.dateIsUpdate = isUpdatedDate(seg)
    }
    return true
  }
  let m: RegExpExecArray | null
  if ((m = REPORT_BY_OUTLET.exec(seg))) {
    const names = namesOnly(m[2])
    if (!names) return false
    info.authors.push(...names)
    if (m[1]) info.outlet = normalizeOutlet(m[1])
    info.credit = true
    return true
  }
  if ((m = REPORTING_PREFIX.exec(seg))) {
    const names = namesOnly(seg.slice(m[0].length))
    if (!names) return false
    info.reporting.push(...names)
    info.credit = true
    return true
  }
  if ((m = CREDIT_LABEL.exec(seg))) {
    const roles = m[1].split(ROLE_LIST_SPLIT).filter((r) => r.length > 0)
    const colon = m[2].trim().length > 0
    if (!colon && roles.some((r) => ABBREVIATED_ROLE.test(r))) return false
    const value = seg.slice(m[0].length).replace(CONTACT, '').trim()
    const isAuthor = roles.some((r) => AUTHOR_ROLE.test(r))
    const isEditor = roles.some((r) => EDITOR_ROLE.test(r))
    const isTranslator = roles.some((r) => TRANSLATOR_ROLE.test(r))
    if (isAuthor && !isEditor && !isTranslator && isSimple(value) && isOutletLike(value)) {
      // "By ANTARA", "Oleh: Tim Redaksi Kompas.com"
      info.outlet = info.outlet ?? normalizeOutlet(value)
      info.credit = true
      return true
    }
    const parsed = isAuthor ? parseNames(value) : null
    const names = isAuthor ? (parsed?.names ?? null) : namesOnly(value)
    if (names === null || (names.length === 0 && !parsed?.outlet)) return false
    if (isAuthor) info.authors.push(...names)
    if (isEditor && names.length > 0) info.editor = info.editor ?? names.join(', ')
    if (isTranslator) info.translators.push(...names)
    if (parsed?.outlet) info.outlet = info.outlet ?? parsed.outlet
    info.credit = true
    return true
  }
  if ((m = PHOTO_CREDIT_PREFIX.exec(seg))) {
    const value = seg.slice(m[0].length).trim()
    // "Foto: …" followed by a long description is a caption, not a credit.
    if (value.length > 60 || /[.!?]$/.test(value)) return false
    if (value.split(' ').length > 5 && /[.!?]\s/.test(value)) return false
    info.photoCredit = info.photoCredit ?? value
    info.credit = true
    return true
  }
  if (OTHER_CREDIT_PREFIX.test(seg)) {
    const value = seg.replace(OTHER_CREDIT_PREFIX, '')
    if (value.length > 80) return false
    info.credit = true
    return true
  }
  const initials = INITIALS_LINE.exec(seg)
  if (initials && (seg.startsWith('(') || seg.startsWith('[') || seg.includes('/'))) {
    info.initials = initials[1].replace(/\s+/g, '')
    return true
  }
  if (ctx !== 'header') return false

  // Header only: shapes without an explicit label.
  if (!nested) {
    const found = findDate(seg)
    if (found && !isEmptyRest(found.rest)) {
      // "Jakarta, 16 Januari 2023" or "Muhaimin, Senin 16/1/2023 07:30 WIB".
      const rest = found.rest.replace(TRIM_PUNCT, '').replace(/\s+/g, ' ')
      const probe = emptyInfo()
      if (parseSegment(rest, ctx, probe, true)) {
        mergeInto(info, probe)
        if (info.date === null) {
          info.date = found.parts
          info.dateIsUpdate = isUpdatedDate(seg)
        }
        return true
      }
      return false
    }
  }
  const team = TEAM_CREDIT.exec(seg)
  if (team && seg.length <= 40) {
    if (team[1] && isOutletLike(team[1])) info.outlet = info.outlet ?? normalizeOutlet(team[1])
    return true
  }
  if (isKnownPlace(seg)) {
    info.place = info.place ?? normalizePlace(seg)
    return true
  }
  if (isSimple(seg) && (isOutletLike(seg) || isPlaceNamedOutlet(seg))) {
    info.outlet = info.outlet ?? normalizeOutlet(seg)
    return true
  }
  const parsed = parseNames(seg)
  if (!parsed) return false
  if (parsed.names.length > 0 && parsed.outlet === null && !/,/.test(seg)) info.guessed = true
  info.authors.push(...parsed.names)
  info.outlet = info.outlet ?? parsed.outlet
  return true
}

const mergeInto = (into: MetaInfo, from: MetaInfo): void => {
  into.authors.push(...from.authors)
  into.reporting.push(...from.reporting)
  into.translators.push(...from.translators)
  into.outlet = into.outlet ?? from.outlet
  into.editor = into.editor ?? from.editor
  into.place = into.place ?? from.place
  into.photoCredit = into.photoCredit ?? from.photoCredit
  into.initials = into.initials ?? from.initials
  if (into.date === null && from.date !== null) {
    into.date = from.date
    into.dateIsUpdate = from.dateIsUpdate
  }
  into.guessed = into.guessed || from.guessed
  into.credit = into.credit || from.credit
}

/** Parses a whole line as metadata (byline, date, credits); null when it is something else. */
export const parseMetaLine = (line: string, ctx: MetaContext): MetaInfo | null => {
  if (line.length > 200) return null
  const info = emptyInfo()
  const segments = line.split(SEGMENT_SPLIT)
  // "Penulis X | Editor Y", "Fahmi, Jurnalis · Senin 16 Januari 2023 07:30 WIB"
  if (segments.length > 1 && parseDateOnly(line)) {
    info.date = parseDateOnly(line)
    info.dateIsUpdate = isUpdatedDate(line)
    return info
  }
  for (const segment of segments) {
    for (const seg of segment.split(LABEL_SPLIT)) {
      if (!parseSegment(seg.trim(), ctx, info)) return null
    }
  }
  // A lone guessed name is only plausible when it is short.
  if (info.guessed && (segments.length > 1 || info.date !== null)) info.guessed = false
  return info
}

export interface Dateline {
  place: string | null
  outlet: string | null
}

const DL_WORD = "[\\p{L}\\d][\\p{L}\\d'’.&-]*"
const DATELINE_RE = new RegExp(
  `^(${DL_WORD}(?:\\s+${DL_WORD}){0,3}?)` +
    `(?:\\s*,\\s*(${DL_WORD}(?:\\s+${DL_WORD}){0,3}?))?` +
    `(?:\\s*\\(([^()]{2,40})\\))?` +
    `\\s*(?:--?|–|—)\\s+(?=\\S)`,
  'u',
)
const DATELINE_DOT_RE = /^(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)\.\s+(?=[\p{Lu}"“])/u
const PLACE_WORDS = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}+))*$/u

const looksLikeDomainOrOutlet = (text: string): boolean =>
  /\.(?:com|co|id|net|org|tv|news)\b/i.test(text) || isOutletLike(text)

/**
 * The dateline opening a first paragraph: "Jakarta - ", "JAKARTA, KOMPAS.com - ",
 * "Kupang (ANTARA) - ", "TRIBUNNEWS.COM, BEKASI - ", "Jakarta, CNN Indonesia -- ",
 * "WASHINGTON, Jan 16 (Reuters) - ". Null when the paragraph does not open with one.
 */
export const parseDateline = (paragraph: string): Dateline | null => {
  const m = DATELINE_RE.exec(paragraph.slice(0, 90))
  if (!m) {
    // "Jakarta. Indonesia's annual inflation …" (known places only)
    const dot = DATELINE_DOT_RE.exec(paragraph)
    return dot && isKnownPlace(dot[1]) ? { place: normalizePlace(dot[1]), outlet: null } : null
  }
  const [, a, b, c] = m
  let place: string | null = null
  let outlet: string | null = null
  for (const part of [a, b]) {
    if (part === undefined) continue
    if (looksLikeDateFragment(part)) continue
    if (looksLikeDomainOrOutlet(part) && !isKnownPlace(part)) {
      outlet = outlet ?? part
      continue
    }
    if (place === null) place = part
  }
  if (c !== undefined && !looksLikeDateFragment(c)) {
    if (/^\p{Lu}/u.test(c)) outlet = outlet ?? c
    else return null
  }
  if (place !== null) {
    if (!PLACE_WORDS.test(place)) return null
    const plain = b === undefined && c === undefined
    if (plain && !isAllCaps(place) && !isKnownPlace(place) && place.includes(' ')) return null
  }
  if (place === null && outlet === null) return null
  return {
    place: place === null ? null : normalizePlace(place),
    outlet: outlet === null ? null : normalizeOutlet(outlet),
  }
}
