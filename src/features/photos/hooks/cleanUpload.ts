import { randomBytes } from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'
import { APIError } from 'payload'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import sharp from 'sharp'

import { env } from '@/config/env'
import { ACCEPTED_IMAGE_TYPES, ACCEPTED_LIST, isAcceptedImageType } from '../formats'
import type { AcceptedImageType } from '../formats'
import { safeUploadName } from '../filename'

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/** Largest image (in pixels) sharp is allowed to decode: a small file must not unpack into GBs. */
export const MAX_INPUT_PIXELS = 100_000_000

/**
 * The original, re-encoded in its own format: turned upright per its EXIF orientation, then
 * written without any metadata (EXIF with GPS, XMP, IPTC, ICC comments). sharp writes no metadata
 * unless asked, and decoding the whole image drops anything appended to it (polyglots).
 */
export const stripImage = async (data: Buffer, mime: AcceptedImageType): Promise<Buffer> => {
  const animated = mime === 'image/gif' || mime === 'image/webp'
  const image = sharp(data, {
    animated,
    failOn: 'error',
    limitInputPixels: MAX_INPUT_PIXELS,
  })
  const pages = animated ? ((await image.metadata()).pages ?? 1) : 1
  // rotate() reads the EXIF orientation; multi-frame images cannot be rotated (and rarely carry it)
  const upright = pages > 1 ? image : image.rotate()
  switch (mime) {
    case 'image/jpeg':
      return upright.jpeg({ quality: 90 }).toBuffer()
    case 'image/png':
      return upright.png().toBuffer()
    case 'image/webp':
      return upright.webp({ quality: 90 }).toBuffer()
    case 'image/avif':
      return upright.avif({ quality: 70 }).toBuffer()
    case 'image/gif':
      return upright.gif().toBuffer()
  }
}

const refuse = (message: string, status: number): never => {
  throw new APIError(message, status, null, true)
}

/** Checks and cleans `req.file` in place (also usable by other upload doors). */
export const cleanUploadedFile = async (req: PayloadRequest): Promise<void> => {
  const file = req.file
  if (!file) return
  const limit = env.limits().maxUploadBytes
  const data = file.data
  if (!Buffer.isBuffer(data) || data.length === 0) {
    refuse('The uploaded file is empty; choose a photo (JPEG, PNG, WebP, AVIF or GIF).', 400)
  }
  if (data.length > limit) {
    refuse(
      `Photo too large: ${megabytes(data.length)}; the limit is ${megabytes(limit)} per file (MEDIA_MAX_BYTES).`,
      413,
    )
  }
  const detected = await fileTypeFromBuffer(data)
  if (!isAcceptedImageType(detected?.mime)) {
    refuse(
      `Unsupported file: ${detected ? `the content is ${detected.mime}` : 'the content is not a recognised image (SVG and other formats are refused)'}; upload a photo as ${ACCEPTED_LIST}. The file type is read from the content, not the name.`,
      415,
    )
  }
  const mime = detected!.mime as AcceptedImageType
  let clean: Buffer
  try {
    clean = await stripImage(data, mime)
  } catch (err) {
    req.payload.logger.info(`upload refused, image could not be decoded: ${(err as Error).message}`)
    const message = (err as Error).message
    clean = refuse(
      /pixel limit/i.test(message)
        ? `The photo has too many pixels (more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels); upload a smaller version.`
        : `The photo could not be read: the ${mime.replace('image/', '').toUpperCase()} file is damaged or incomplete.`,
      400,
    )
  }
  req.file = {
    ...file,
    data: clean,
    size: clean.length,
    mimetype: mime,
    // A random suffix: two uploads of "IMG_0001.jpg" at once never race for the same stored
    // name (Payload's own "-1" numbering checks, then inserts; parallel uploads collided).
    name: safeUploadName(file.name, ACCEPTED_IMAGE_TYPES[mime], randomBytes(4).toString('hex')),
    tempFilePath: undefined,
  }
}

/**
 * Media uploads (create, and update when a file is attached): type by content (JPEG, PNG, WebP,
 * AVIF, GIF; 415 otherwise), size (413 over MEDIA_MAX_BYTES), a damaged image (400), a safe name,
 * and the original re-encoded without metadata before Payload stores it and makes its sizes.
 */
export const cleanUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    await cleanUploadedFile(req)
  }
  return args
}
