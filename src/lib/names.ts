/** Key used to find an existing person: case, accents, punctuation and spacing do not matter. */
export const normalizePersonName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
