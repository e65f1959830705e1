/** The image formats the photo desk accepts, decided by the file's content (pure, client-safe). */
export const ACCEPTED_IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
} as const

export type AcceptedImageType = keyof typeof ACCEPTED_IMAGE_TYPES

export const isAcceptedImageType = (mime: string | undefined): mime is AcceptedImageType =>
  mime !== undefined && Object.hasOwn(ACCEPTED_IMAGE_TYPES, mime)

export const ACCEPTED_LIST = 'JPEG, PNG, WebP, AVIF or GIF'
