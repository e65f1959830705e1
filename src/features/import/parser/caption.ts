/** Photo captions: a description followed by a bracketed credit. */
import { CREDIT_PREFIX, CREDIT_WORD } from '@/features/import/parser/patterns'

export interface CaptionMatch {
  caption: string
  credit: string | null
}

const BRACKET_TAIL = /^(.*?\S)\s*[([]([^()[\]]{2,80})[)\]]\s*$/u
// "… in Jakarta, January 16, 2023. REUTERS/Willy Kurniawan"
const AGENCY_TAIL =
  /^(.*[.!?"”])\s+((?:\p{Lu}[\p{L}\d&.-]+(?:\s+\p{Lu}[\p{L}\d&.-]+){0,3}|AP Photo|Getty Images)\s*\/\s*\p{Lu}[\p{L}'’. -]{1,60})$/u
const CAPTION_PREFIX =
  /^(?:(?:foto|photo|gambar|image)(?:\s*\d{1,2})?|ilustrasi|illustration|caption|image caption|keterangan foto|keterangan gambar|kapsi)\s*[:：,]\s*/i
// "Menpan-RB Abdullah Azwar Anas. Foto: Ricardo/JPNN.com"
const INLINE_CREDIT_TAIL =
  /^(.*[.!?])\s+(?:[|–—-]\s*)?(?:foto|photo|dok|sumber foto|image|credit)\s*[:：]\s*((?:dok\.\s*)?[^.!?]{2,60}(?:\.\w{2,3})?)$/i
const LOWER_INITIALS = /^[a-z]{2,5}(?:\s*\/\s*[a-z]{2,5})*$/
const PHOTO_WORD = /\b(?:foto|photo|photos|images?)\b/i
/** "… di X (Twitter)": a social-network label, never a photo credit. */
const SOCIAL_LABEL = /\bX\s*[([]\s*(?:twitter|formerly twitter|dulu twitter|d\/h twitter)\s*[)\]]$/i
/** A short name in brackets after an explicit photo prefix: "PHOTO: … (Harbour Times)". */
const NAME_IN_BRACKETS = /^\p{Lu}[\p{L}\d.&'’ -]{1,60}$/u
const UPPER = /\p{Lu}/u

/** True when a bracketed text reads like a photo credit rather than an aside. */
export const isCredit = (text: string): boolean => {
  const t = text.trim()
  if (LOWER_INITIALS.test(t)) return false
  if (CREDIT_WORD.test(t)) return true
  if (t.includes('/') && UPPER.test(t)) return true
  return PHOTO_WORD.test(t)
}

/** "(Foto/US Army)" → "US Army", "(Foto: PSSI)" → "PSSI", "(Dok. Humas)" → "Humas". */
export const normalizeCredit = (raw: string): string | null => {
  let credit = raw.trim()
  for (let i = 0; i < 2; i++) {
    const stripped = credit.replace(CREDIT_PREFIX, '')
    if (stripped === credit) break
    credit = stripped.trim()
  }
  return credit.length > 0 ? credit : null
}

/** Matches a caption line; `maxLength` keeps long prose that merely ends in brackets out. */
export const matchCaption = (line: string, maxLength: number): CaptionMatch | null => {
  if (line.length > maxLength) return null
  if (SOCIAL_LABEL.test(line)) return null
  const prefix = CAPTION_PREFIX.exec(line)
  const text = prefix ? line.slice(prefix[0].length) : line
  const last = text.charCodeAt(text.length - 1)
  const bracket = last === 41 || last === 93 ? BRACKET_TAIL.exec(text) : null // ')' or ']'
  if (bracket && (isCredit(bracket[2]) || (prefix && NAME_IN_BRACKETS.test(bracket[2].trim())))) {
    return { caption: bracket[1].trim(), credit: normalizeCredit(bracket[2]) }
  }
  const inline = text.includes(':') ? INLINE_CREDIT_TAIL.exec(text) : null
  if (inline) return { caption: inline[1].trim(), credit: normalizeCredit(inline[2]) }
  const agency = text.includes('/') ? AGENCY_TAIL.exec(text) : null
  if (agency) return { caption: agency[1].trim(), credit: agency[2].trim() }
  if (prefix && text.length > 0) return { caption: text.trim(), credit: null }
  return null
}
