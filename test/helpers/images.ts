import sharp from 'sharp'

/** A marker written into the test photos' EXIF; it must never be found in a stored file. */
export const SECRET = 'SECRET-SOURCE-LOCATION'

/**
 * A JPEG as a phone writes it: EXIF with GPS (Jakarta), a description carrying SECRET, XMP, an
 * ICC profile and orientation 6 (the camera was turned: stored 1200×800, shown 800×1200).
 */
export const jpegWithGps = async (width = 1200, height = 800): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } })
    .composite([
      {
        input: await sharp({
          create: { width: width / 2, height: height / 4, channels: 3, background: '#f2c14e' },
        })
          .png()
          .toBuffer(),
        top: 0,
        left: 0,
      },
    ])
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { ImageDescription: SECRET, Make: 'Telefon', Model: 'Reporter 1' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 12/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 49/1 4500/100',
      },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="${SECRET}"/></rdf:RDF></x:xmpmeta>`,
    )
    .withIccProfile('p3')
    .withMetadata({ orientation: 6 })
    .toBuffer()

export const pngImage = (width = 400, height = 300): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: '#22aa66ff' } })
    .png()
    .toBuffer()

/**
 * Metadata blocks found in an image file by walking its structure: JPEG APP1 (EXIF/XMP), APP2
 * (ICC), APP13 (IPTC), COM; PNG eXIf/iCCP/tEXt/zTXt/iTXt; WebP EXIF/XMP/ICCP; and any AVIF/GIF
 * file containing "Exif" or XMP bytes. An empty list means none.
 */
export const metadataBlocks = (file: Buffer): string[] => {
  const found: string[] = []
  if (file[0] === 0xff && file[1] === 0xd8) {
    let at = 2
    while (at + 4 <= file.length && file[at] === 0xff) {
      const marker = file[at + 1]
      if (marker === 0xd9 || marker === 0xda) break
      const length = file.readUInt16BE(at + 2)
      if (marker === 0xe1) {
        const head = file.subarray(at + 4, at + 4 + 29).toString('latin1')
        found.push(head.startsWith('Exif') ? 'jpeg:APP1-EXIF' : 'jpeg:APP1-XMP')
      }
      if (marker === 0xe2) found.push('jpeg:APP2-ICC')
      if (marker === 0xed) found.push('jpeg:APP13-IPTC')
      if (marker === 0xfe) found.push('jpeg:COM')
      at += 2 + length
    }
  } else if (file.subarray(1, 4).toString('latin1') === 'PNG') {
    let at = 8
    while (at + 8 <= file.length) {
      const length = file.readUInt32BE(at)
      const type = file.subarray(at + 4, at + 8).toString('latin1')
      if (['eXIf', 'iCCP', 'tEXt', 'zTXt', 'iTXt'].includes(type)) found.push(`png:${type}`)
      at += 12 + length
    }
  } else if (file.subarray(8, 12).toString('latin1') === 'WEBP') {
    let at = 12
    while (at + 8 <= file.length) {
      const type = file.subarray(at, at + 4).toString('latin1')
      const length = file.readUInt32LE(at + 4)
      if (['EXIF', 'XMP ', 'ICCP'].includes(type)) found.push(`webp:${type}`)
      at += 8 + length + (length % 2)
    }
  }
  if (file.includes('Exif\0')) found.push('bytes:Exif')
  if (file.includes('x:xmpmeta') || file.includes('http://ns.adobe.com/xap/'))
    found.push('bytes:XMP')
  if (file.includes(SECRET)) found.push('bytes:secret')
  return [...new Set(found)]
}

/** What sharp itself reads from a stored file (must be empty of exif/xmp/icc/iptc). */
export const sharpMetadata = async (file: Buffer) => {
  const meta = await sharp(file).metadata()
  return {
    format: meta.format,
    width: meta.width,
    height: meta.height,
    exif: meta.exif?.length ?? 0,
    xmp: meta.xmp?.length ?? 0,
    icc: meta.icc?.length ?? 0,
    iptc: meta.iptc?.length ?? 0,
    orientation: meta.orientation ?? null,
  }
}

/** Multipart upload through the real server (fetch + FormData), optionally as PATCH to an id. */
export const upload = async (
  baseUrl: string,
  options: {
    token?: string | null
    file?: { data: Buffer; name: string; type?: string }
    data?: Record<string, unknown>
    id?: string | number
  },
): Promise<{ status: number; body: Record<string, unknown> & UploadBody; headers: Headers }> => {
  const form = new FormData()
  if (options.file) {
    form.append(
      'file',
      new Blob([new Uint8Array(options.file.data)], {
        type: options.file.type ?? 'application/octet-stream',
      }),
      options.file.name,
    )
  }
  form.append('_payload', JSON.stringify(options.data ?? {}))
  const res = await fetch(
    `${baseUrl}/api/media${options.id !== undefined ? `/${options.id}` : ''}`,
    {
      method: options.id !== undefined ? 'PATCH' : 'POST',
      headers: options.token ? { Authorization: `JWT ${options.token}` } : {},
      body: form,
    },
  )
  const text = await res.text()
  let body: unknown = { raw: text }
  try {
    body = JSON.parse(text)
  } catch {
    // keep the raw text for the assertion message
  }
  return {
    status: res.status,
    body: body as Record<string, unknown> & UploadBody,
    headers: res.headers,
  }
}

export interface StoredMedia {
  id: number | string
  filename?: string | null
  mimeType?: string | null
  filesize?: number | null
  width?: number | null
  height?: number | null
  url?: string | null
  caption?: string
  credit?: string | null
  photoStatus?: string
  sizes?: Record<
    string,
    {
      filename?: string | null
      url?: string | null
      width?: number | null
      height?: number | null
      mimeType?: string | null
    }
  >
}

export interface UploadBody {
  doc?: StoredMedia
  errors?: { message: string; data?: unknown }[]
}

export const errorText = (body: UploadBody & Record<string, unknown>): string =>
  body.errors?.map((e) => e.message).join(' | ') ?? JSON.stringify(body)
