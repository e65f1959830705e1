/** Date recognition for Indonesian and English news bylines. */

export interface DateParts {
  year: number
  month: number
  day: number
  hour: number | null
  minute: number | null
  second: number | null
  /** '+07:00' etc. when the text states a zone, else null. */
  offset: string | null
  /** The zone as written ('WIB', 'WITA', 'WIT', 'GMT', …), else null. */
  zone: string | null
}

export interface DateMatch {
  parts: DateParts
  /** The input with the date, time and zone removed. */
  rest: string
}

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  agust: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
}

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')

const ISO_RE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?![\d:])/
const DMY_RE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\b\\.?,?\\s+(\\d{4})\\b`,
  'i',
)
const MDY_RE = new RegExp(
  `\\b(${MONTH_ALT})\\b\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
)
const NUM_RE = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/
const TIME_RE =
  /(?:\b(?:pukul|jam|at|pk\.?)\s+)?\b([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]([0-5]\d))?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*(WITA|WIB|WIT|GMT|UTC|Z|SGT|MYT|HKT|PHT|PHST|ICT|KST|JST|IST|AWST|AEST|AEDT)\b(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?)?/i
const ZONE_RE = /\b(WITA|WIB|WIT|SGT|MYT|HKT|PHT|PHST|ICT|KST|JST|IST)\b/
/** A bare UTC offset after the zone or the time: "GMT+8", "UTC+07:00", "+05:30". */
const BARE_OFFSET_RE = /(?:\b(?:GMT|UTC)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)/
const DAY_RE =
  /\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?/gi
const FILLER_RE =
  /\b(?:diterbitkan|dipublikasikan|dipublish|diperbarui|diperbaharui|diupdate|terbit|tayang|published|updated|update|posted|last|modified|publikasi|pukul|jam|on|at|tanggal|tgl|waktu|hari|date|dated|pada)\b/gi
const LEFTOVER_RE = /[\s\p{P}\p{S}]+/gu
const DATE_FRAGMENT_RE = new RegExp(
  `^(?:(?:${MONTH_ALT})\\.?\\s+)?[\\d\\s/.-]+$|^[\\d\\s]+(?:${MONTH_ALT})\\.?$`,
  'i',
)
const UPDATED_RE =
  /^\W*(?:diperbarui|diperbaharui|diupdate|updated|last updated|update|modified)\b/i

const ZONE_OFFSETS: Record<string, string> = {
  WIB: '+07:00',
  WITA: '+08:00',
  WIT: '+09:00',
  GMT: '+00:00',
  UTC: '+00:00',
  Z: '+00:00',
  // Asian zones as data (abbreviations are unambiguous in this corpus' region).
  SGT: '+08:00',
  MYT: '+08:00',
  HKT: '+08:00',
  PHT: '+08:00',
  PHST: '+08:00',
  AWST: '+08:00',
  ICT: '+07:00',
  KST: '+09:00',
  JST: '+09:00',
  IST: '+05:30',
  AEST: '+10:00',
  AEDT: '+11:00',
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const validDate = (y: number, m: number, d: number): boolean => {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return true
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

const formatOffset = (sign: string, hours: number, minutes: number): string =>
  `${sign}${pad(hours)}:${pad(minutes)}`

const cut = (text: string, index: number, length: number): string =>
  `${text.slice(0, index)} ${text.slice(index + length)}`

/** Finds the first date (with optional time and zone) in a short text. */
export const findDate = (text: string): DateMatch | null => {
  let year = 0
  let month = 0
  let day = 0
  let rest = text
  let hour: number | null = null
  let minute: number | null = null
  let second: number | null = null
  let offset: string | null = null
  let zone: string | null = null

  const iso = ISO_RE.exec(text)
  let m: RegExpExecArray | null
  if (iso) {
    year = Number(iso[1])
    month = Number(iso[2])
    day = Number(iso[3])
    if (iso[4] !== undefined) {
      hour = Number(iso[4])
      minute = Number(iso[5])
      second = iso[6] !== undefined ? Number(iso[6]) : 0
      if (iso[7] !== undefined) {
        zone = iso[7] === 'Z' ? 'Z' : null
        offset =
          iso[7] === 'Z' ? '+00:00' : `${iso[7].slice(0, 3)}:${iso[7].slice(iso[7].length - 2)}`
      }
    }
    rest = cut(text, iso.index, iso[0].length)
  } else if ((m = DMY_RE.exec(text))) {
    day = Number(m[1])
    month = MONTHS[m[2].toLowerCase()]
    year = Number(m[3])
    rest = cut(text, m.index, m[0].length)
  } else if ((m = MDY_RE.exec(text))) {
    month = MONTHS[m[1].toLowerCase()]
    day = Number(m[2])
    year = Number(m[3])
    rest = cut(text, m.index, m[0].length)
  } else if ((m = NUM_RE.exec(text))) {
    const a = Number(m[1])
    const b = Number(m[3])
    // Day first (Indonesian convention) unless that is impossible.
    if (a <= 12 && b > 12) {
      month = a
      day = b
    } else {
      day = a
      month = b
    }
    year = Number(m[4])
    rest = cut(text, m.index, m[0].length)
  } else {
    return null
  }
  if (!validDate(year, month, day)) return null

  if (hour === null) {
    const t = TIME_RE.exec(rest)
    if (t) {
      hour = Number(t[1])
      minute = Number(t[2])
      second = t[3] !== undefined ? Number(t[3]) : 0
      if (t[4] !== undefined) {
        const pm = t[4].toLowerCase() === 'p'
        if (hour === 12) hour = pm ? 12 : 0
        else if (pm) hour += 12
      }
      if (t[5] !== undefined) {
        zone = t[5].toUpperCase()
        offset = ZONE_OFFSETS[zone]
        if (t[6] !== undefined) {
          offset = formatOffset(t[6], Number(t[7]), t[8] !== undefined ? Number(t[8]) : 0)
        }
      }
      rest = cut(rest, t.index, t[0].length)
    }
  }
  if (offset === null) {
    const z = ZONE_RE.exec(rest)
    if (z) {
      zone = z[1]
      offset = ZONE_OFFSETS[zone]
      rest = cut(rest, z.index, z[0].length)
    }
  }
  if (hour !== null) {
    // "IST +05:30", "GMT+7" after a zone abbreviation or the time: the explicit offset wins.
    const b = BARE_OFFSET_RE.exec(rest)
    if (b && Number(b[2]) <= 14) {
      offset = formatOffset(b[1], Number(b[2]), b[3] !== undefined ? Number(b[3]) : 0)
      rest = cut(rest, b.index, b[0].length)
    }
  }
  return { parts: { year, month, day, hour, minute, second, offset, zone }, rest }
}

/** True when nothing but day names, filler words and punctuation is left. */
export const isEmptyRest = (rest: string): boolean =>
  rest.replace(DAY_RE, ' ').replace(FILLER_RE, ' ').replace(LEFTOVER_RE, '').length === 0

/** Parses a text that consists of a date and nothing else ("Senin, 16 Januari 2023 - 07:30 WIB"). */
export const parseDateOnly = (text: string): DateParts | null => {
  if (text.length > 80) return null
  const found = findDate(text)
  if (!found || !isEmptyRest(found.rest)) return null
  return found.parts
}

/** True for "Diperbarui …" / "Updated …" lines. */
export const isUpdatedDate = (text: string): boolean => UPDATED_RE.test(text)

/** True when the text mentions a month name or looks numeric, e.g. "Jan 16". */
export const looksLikeDateFragment = (text: string): boolean =>
  /\d/.test(text) && DATE_FRAGMENT_RE.test(text)

/** ISO 8601 with an explicit offset; a missing time means local midnight. */
export const toIso = (parts: DateParts, offset: string): string => {
  const h = parts.hour ?? 0
  const min = parts.minute ?? 0
  const s = parts.second ?? 0
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(h)}:${pad(min)}:${pad(s)}${offset}`
}
