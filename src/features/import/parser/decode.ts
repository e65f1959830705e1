import { ParseError } from '@/features/import/parser/errors'

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

/**
 * Windows-1252 code points for bytes 0x80–0x9F (WHATWG index). `0` marks the five bytes that
 * cp1252 leaves undefined. Node 20.18.3+ decodes the label 'windows-1252' as ISO-8859-1
 * (nodejs/node#60888), so the table is applied by hand instead of trusting TextDecoder.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
]

const utf8Fatal = new TextDecoder('utf-8', { fatal: true })
const utf8Lenient = new TextDecoder('utf-8')

// C0 controls except TAB, LF, VT, FF, CR; DEL; C1 controls. Matching control characters is the
// point of these patterns, hence the lint exemptions.
/* eslint-disable no-control-regex */
const CONTROL_CHARS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g
const HAS_CONTROL_CHAR = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/
const NEEDS_CLEANUP =
  /[\r\t\u000b\u000c\u00a0\u00ad\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u0001-\u0008\u000e-\u001f\u007f-\u009f]/
const CONTROLS_TO_NEWLINE = /[\u000b\u000c\u2028\u2029]/g
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g
/* eslint-enable no-control-regex */
const NON_ASCII = /[\u0080-\uffff]/

export interface DecodedText {
  text: string
  warnings: string[]
}

const formatMb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

const tooLarge = (bytes: number): ParseError =>
  new ParseError(
    `file too large: ${formatMb(bytes)} (limit ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB)`,
  )

/** Decodes bytes as Windows-1252; returns null when an undefined byte is present. */
const decodeCp1252 = (buf: Buffer): string | null => {
  let out = ''
  let start = 0
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]
    if (b < 0x80 || b > 0x9f) continue
    const cp = CP1252_HIGH[b - 0x80]
    if (cp === 0) return null
    out += buf.toString('latin1', start, i) + String.fromCharCode(cp)
    start = i + 1
  }
  return out + buf.toString('latin1', start)
}

const countMatches = (text: string, re: RegExp): number => {
  re.lastIndex = 0
  let n = 0
  while (re.exec(text) !== null) n++
  return n
}

const decodeBuffer = (input: Buffer, warnings: string[]): string => {
  let buf = input
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    buf = buf.subarray(3)
  else if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    warnings.push('decoded as UTF-16LE')
    return new TextDecoder('utf-16le').decode(buf.subarray(2))
  } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    warnings.push('decoded as UTF-16BE')
    return new TextDecoder('utf-16be').decode(buf.subarray(2))
  }
  if (buf.indexOf(0) !== -1) throw new ParseError('binary file (NUL bytes found)')
  try {
    return utf8Fatal.decode(buf)
  } catch {
    // Mostly UTF-8 with a few broken bytes: keep UTF-8 and flag the damage.
    const lenient = utf8Lenient.decode(buf)
    const broken = countMatches(lenient, /\ufffd/g)
    const multibyte = countMatches(lenient, /[\u0080-\ufffc\ufffe\uffff]/g)
    if (multibyte > broken * 4) {
      warnings.push(`invalid UTF-8 bytes replaced (${broken})`)
      return lenient
    }
    const legacy = decodeCp1252(buf)
    if (legacy === null) {
      throw new ParseError('undecodable bytes: not valid UTF-8 or Windows-1252')
    }
    warnings.push('decoded as windows-1252')
    return legacy
  }
}

/**
 * Text normalization applied before parsing: CRLF/CR → LF, no-break and other fixed-width
 * spaces → space, zero-width characters, BOM and soft hyphens removed, trailing spaces trimmed,
 * Unicode NFC.
 */
export const normalizeText = (text: string): string => {
  let t = text
  if (NEEDS_CLEANUP.test(t)) {
    t = t
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
      .replace(CONTROLS_TO_NEWLINE, '\n')
      .replace(INVISIBLE, '')
  }
  if (t.includes(' \n')) t = t.replace(/ +\n/g, '\n')
  if (t.endsWith(' ')) t = t.trimEnd()
  if (NON_ASCII.test(t)) t = t.normalize('NFC')
  return t
}

/** Decodes, validates and normalizes raw input. Throws ParseError for unusable input. */
export const decodeInput = (input: string | Buffer): DecodedText => {
  const warnings: string[] = []
  let text: string
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_BYTES / 4) {
      const bytes = Buffer.byteLength(input, 'utf8')
      if (bytes > MAX_DOCUMENT_BYTES) throw tooLarge(bytes)
    }
    if (input.length === 0) throw new ParseError('empty file')
    if (input.includes('\u0000')) throw new ParseError('binary file (NUL bytes found)')
    text = input
  } else {
    if (input.length === 0) throw new ParseError('empty file')
    if (input.length > MAX_DOCUMENT_BYTES) throw tooLarge(input.length)
    text = decodeBuffer(input, warnings)
    if (text.includes('\u0000')) throw new ParseError('binary file (NUL bytes found)')
  }
  const controls = HAS_CONTROL_CHAR.test(text) ? countMatches(text, CONTROL_CHARS) : 0
  if (controls > 0 && controls > text.length * 0.01) {
    throw new ParseError(`binary file (${controls} control characters found)`)
  }
  text = normalizeText(text)
  if (text.trim().length === 0) throw new ParseError('empty file (only whitespace)')
  return { text, warnings }
}
