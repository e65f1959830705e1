import { EN_STOPWORDS, ID_STOPWORDS } from '@/features/import/parser/patterns'

export interface LanguageGuess {
  /** ISO 639-1 code: 'id' or 'en'. */
  language: string
  /** False when the text gave too little evidence or the scores were close. */
  confident: boolean
}

const WORD_RE = /[a-z]+/g
const SAMPLE_CHARS = 2500
/** Stop scoring once one language leads by this many hits. */
const DECISIVE_LEAD = 25

/** Stop-word scoring between Indonesian and English. */
export const detectLanguage = (text: string): LanguageGuess => {
  const sample = (text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text).toLowerCase()
  let id = 0
  let en = 0
  WORD_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD_RE.exec(sample)) !== null) {
    const w = m[0]
    if (w.length > 7) continue
    if (ID_STOPWORDS.has(w)) id++
    if (EN_STOPWORDS.has(w)) en++
    if (Math.abs(id - en) >= DECISIVE_LEAD) break
  }
  const total = id + en
  const language = en > id ? 'en' : 'id'
  const top = Math.max(id, en)
  const confident = total >= 4 && top >= 1.5 * Math.min(id, en) + 1
  return { language, confident }
}
