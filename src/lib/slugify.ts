/** Readable URL slugs from any title (Indonesian and other Latin-script text included). */
const REPLACEMENTS: [RegExp, string][] = [
  [/[æ]/g, 'ae'],
  [/[ø]/g, 'o'],
  [/[œ]/g, 'oe'],
  [/ß/g, 'ss'],
  [/[đð]/g, 'd'],
  [/ł/g, 'l'],
  [/&/g, ' dan '],
]

export const slugify = (input: string, maxLength = 96): string => {
  let text = input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement)
  const slug = text
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '')
}

/**
 * `base`, then `base-2`, `base-3`, … : the order in which a unique slug is looked for, shared by
 * the collections' uniqueSlugFrom hook and the importer's batch reservation.
 */
export function* slugCandidates(base: string, max = 1000): Generator<string> {
  yield base
  for (let n = 2; n < max; n++) yield `${base}-${n}`
}

/** The first candidate for `base` that `taken` does not hold (in-memory reservation). */
export const firstFreeSlug = (base: string, taken: Set<string>): string => {
  for (const candidate of slugCandidates(base, Number.MAX_SAFE_INTEGER)) {
    if (!taken.has(candidate)) return candidate
  }
  return base
}
