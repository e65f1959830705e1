/**
 * XML text helpers for the feeds and sitemaps (pure). XML 1.0 cannot carry most C0 control
 * characters even as references, nor lone surrogates or U+FFFE/U+FFFF: imported text may hold
 * them (the importer keeps sources losslessly), so every string is cleaned before it is written.
 */

const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Drops the characters XML 1.0 cannot carry. */
export const xmlSafe = (value: string): string => value.replace(INVALID_XML, '')

/** Escapes text or an attribute value for XML (after dropping characters XML cannot carry). */
export const escapeXml = (value: string): string =>
  xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

/** Escapes plain text for HTML (a feed's HTML summary). */
export const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * HTML for a CDATA section: `feed` writes HTML as CDATA and escapes only the first `]]>`, so every
 * `]]>` becomes `]]&gt;` (the same text once the HTML is read).
 */
export const cdataHtml = (html: string): string => xmlSafe(html).replace(/]]>/g, ']]&gt;')

/** An absolute http(s) URL from `value` (relative ones resolved against `base`), or undefined. */
export const absoluteUrl = (value: unknown, base: string): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}
