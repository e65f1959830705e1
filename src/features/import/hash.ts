import { createHash } from 'node:crypto'

/**
 * Canonical form used for duplicate detection: CRLF/CR → LF, BOM and zero-width characters
 * removed, no-break spaces treated as spaces, runs of spaces collapsed, blank lines and
 * surrounding whitespace dropped, Unicode NFC.
 */
export function normalizeForHash(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g, ' ')
    .normalize('NFC')
    .replace(/ *\n[\s]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** SHA-256 (hex) of the normalized text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex')
}
