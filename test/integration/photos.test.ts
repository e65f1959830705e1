import http from 'node:http'
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import {
  errorText,
  jpegWithGps,
  metadataBlocks,
  pngImage,
  sharpMetadata,
  upload,
} from '../helpers/images'
import type { StoredMedia } from '../helpers/images'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

const MAX_BYTES = 3 * 1024 * 1024

const fetchBytes = async (url: string, token?: string | null) => {
  const res = await fetch(url, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    data: Buffer.from(await res.arrayBuffer()),
  }
}

/** Streams a multipart body of `bytes` file bytes, chunked (no Content-Length) or declared. */
const rawMultipart = async (
  url: string,
  token: string,
  bytes: number,
  chunked: boolean,
): Promise<{ status: number; text: string }> => {
  const boundary = '----redaksi-test-boundary'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"caption":"Besar","credit":"Tes"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const chunk = Buffer.alloc(64 * 1024, 0xab)
  const total = head.length + bytes + tail.length
  if (!chunked) {
    // Announce the size, send only the head, and read the answer (the guard must not wait for
    // the body; sending it all would race the server closing the connection).
    return new Promise((resolve, reject) => {
      const req = http.request(`${url}/api/media`, {
        method: 'POST',
        headers: {
          Authorization: `JWT ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(total),
        },
      })
      req.on('response', (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text })
          req.destroy()
        })
      })
      req.on('error', reject)
      req.write(head)
    })
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head)
      for (let sent = 0; sent < bytes; sent += chunk.length) {
        controller.enqueue(chunk.subarray(0, Math.min(chunk.length, bytes - sent)))
      }
      controller.enqueue(tail)
      controller.close()
    },
  })
  try {
    const res = await fetch(`${url}/api/media`, {
      method: 'POST',
      headers: {
        Authorization: `JWT ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        ...(chunked ? {} : { 'Content-Length': String(total) }),
      },
      body,
      duplex: 'half',
    } as RequestInit)
    return { status: res.status, text: await res.text() }
  } catch (err) {
    return { status: -1, text: String((err as Error).cause ?? err) }
  }
}

describe.each(TEST_DATABASES)('photo desk on %s', (kind) => {
  let db: TestDatabase
  let server: TestServer
  let api: Api
  let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
  let mediaDir: string

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    mediaDir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-media-'))
    server = await startTestServer({
      databaseUri: db.uri,
      env: { MEDIA_DIR: mediaDir, MEDIA_MAX_BYTES: String(MAX_BYTES), WORKFLOW_FOUR_EYES: 'false' },
    })
    api = new Api(server.url)
    tokens = await bootstrapAccounts(api)
  })

  afterAll(async () => {
    const code = await server?.stop('SIGTERM')
    await db?.drop()
    rmSync(mediaDir, { recursive: true, force: true })
    expect(code).toBe(0)
  })

  it('a JPEG with GPS EXIF, XMP and ICC: every stored file (original and each size, on disk and served) has no metadata', async () => {
    const original = await jpegWithGps()
    expect(metadataBlocks(original)).toEqual(
      expect.arrayContaining(['jpeg:APP1-EXIF', 'jpeg:APP1-XMP', 'jpeg:APP2-ICC', 'bytes:secret']),
    )
    const res = await upload(server.url, {
      token: tokens.editor,
      file: { data: original, name: 'IMG_2041.jpg', type: 'image/jpeg' },
      data: {
        caption: 'Banjir di Kampung Melayu',
        credit: 'Rina / Redaksi',
        alt: 'Warga di banjir',
      },
    })
    expect(res.status, errorText(res.body)).toBe(201)
    const doc = res.body.doc as StoredMedia
    // turned upright per the EXIF orientation, then stripped
    expect([doc.width, doc.height]).toEqual([800, 1200])
    expect(doc.mimeType).toBe('image/jpeg')
    expect(Object.keys(doc.sizes ?? {}).sort()).toEqual(['card', 'hero', 'thumbnail'])

    const stored = readdirSync(mediaDir)
    // original + thumbnail + card + hero (hero is not enlarged beyond 800 wide, still written)
    expect(stored).toHaveLength(4)
    for (const name of stored) {
      const file = readFileSync(path.join(mediaDir, name))
      expect(metadataBlocks(file), name).toEqual([])
      const meta = await sharpMetadata(file)
      expect({ name, exif: meta.exif, xmp: meta.xmp, icc: meta.icc, iptc: meta.iptc }).toEqual({
        name,
        exif: 0,
        xmp: 0,
        icc: 0,
        iptc: 0,
      })
    }
    const urls = [doc.url, ...Object.values(doc.sizes ?? {}).map((s) => s.url)]
    expect(urls).toHaveLength(4)
    for (const url of urls) {
      const served = await fetchBytes(`${server.url}${url}`, tokens.editor)
      expect(served.status, url ?? '').toBe(200)
      expect(metadataBlocks(served.data), url ?? '').toEqual([])
      expect((await sharpMetadata(served.data)).exif).toBe(0)
    }
    for (const size of ['thumbnail', 'card', 'hero']) {
      const s = doc.sizes?.[size]
      expect(s?.mimeType, size).toBe('image/webp')
      expect(s?.filename, size).toMatch(/\.webp$/)
      expect(s?.width, size).toBeGreaterThan(0)
      expect(s?.height, size).toBeGreaterThan(0)
    }
    expect(doc.sizes?.thumbnail?.width).toBe(320)
    expect(doc.sizes?.card?.width).toBe(768)
  })

  it('WebP, AVIF and animated GIF are accepted, stored in their own format without metadata (the GIF stays animated)', async () => {
    const base = () =>
      sharp({ create: { width: 500, height: 400, channels: 3, background: '#884422' } }).withExif({
        IFD0: { ImageDescription: 'SECRET-SOURCE-LOCATION' },
      })
    const frame = (color: string) =>
      sharp({ create: { width: 60, height: 40, channels: 3, background: color } })
        .raw()
        .toBuffer()
    const frames = Buffer.concat([
      await frame('#ff0000'),
      await frame('#00ff00'),
      await frame('#0000ff'),
    ])
    const gif = await sharp(frames, {
      raw: { width: 60, height: 120, channels: 3, pageHeight: 40 },
    })
      .gif({ loop: 0, delay: [100, 100, 100] })
      .toBuffer()
    const rows: [string, Buffer, string, string][] = [
      ['photo.webp', await base().webp().toBuffer(), 'image/webp', 'webp'],
      ['photo.avif', await base().avif().toBuffer(), 'image/avif', 'avif'],
      ['anim.gif', gif, 'image/gif', 'gif'],
    ]
    for (const [name, data, mime, format] of rows) {
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data, name, type: 'application/octet-stream' },
        data: { caption: name, credit: 'Tes' },
      })
      expect(res.status, `${name}: ${errorText(res.body)}`).toBe(201)
      const doc = res.body.doc as StoredMedia
      expect(doc.mimeType).toBe(mime)
      const stored = readFileSync(path.join(mediaDir, doc.filename as string))
      expect(metadataBlocks(stored), name).toEqual([])
      const meta = await sharp(stored, { animated: true }).metadata()
      expect(meta.format === 'heif' ? 'avif' : meta.format).toBe(format)
      expect(meta.exif).toBeUndefined()
      if (format === 'gif') expect(meta.pages).toBe(3)
    }
  })

  it('an editor attaches the photo to a caption-only entry: caption and credit stay, no longer "photo missing"', async () => {
    const editor = api.as(tokens.editor)
    const created = await editor.post<{ doc: StoredMedia }>('/api/media', {
      caption: 'HIMARS dalam latihan',
      credit: 'US Army',
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.photoStatus).toBe('photo missing')
    expect(created.body.doc.filename ?? null).toBeNull()

    const attached = await upload(server.url, {
      token: tokens.editor,
      id: created.body.doc.id,
      file: { data: await pngImage(1000, 700), name: 'himars.png', type: 'image/png' },
    })
    expect(attached.status, errorText(attached.body)).toBe(200)
    const doc = attached.body.doc as StoredMedia
    expect(doc.caption).toBe('HIMARS dalam latihan')
    expect(doc.credit).toBe('US Army')
    expect(doc.filename).toMatch(/^himars-[0-9a-f]{8}\.png$/)
    expect(doc.photoStatus).toBe('present')
    expect([doc.width, doc.height]).toEqual([1000, 700])
    expect(doc.sizes?.card?.url).toMatch(/\.webp$/)
  })

  it('a new photo needs a credit (400 naming the field); a caption-only entry does not', async () => {
    const res = await upload(server.url, {
      token: tokens.editor,
      file: { data: await pngImage(), name: 'tanpa-kredit.png', type: 'image/png' },
      data: { caption: 'Tanpa kredit' },
    })
    expect(res.status).toBe(400)
    expect(errorText(res.body)).toMatch(/credit/i)
  })

  describe('bad files get a clear 4xx and nothing is stored', () => {
    const countFiles = () => readdirSync(mediaDir).length
    const cases: {
      name: string
      file: () => Promise<{ data: Buffer; name: string; type: string }>
      status: number
      message: RegExp
    }[] = [
      {
        name: 'an SVG with a script',
        file: async () => ({
          data: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
          ),
          name: 'logo.svg',
          type: 'image/svg+xml',
        }),
        status: 415,
        message: /not a recognised image.*SVG.*JPEG, PNG, WebP, AVIF or GIF/,
      },
      {
        name: 'an SVG named .jpg and sent as image/jpeg',
        file: async () => ({
          data: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          ),
          name: 'photo.jpg',
          type: 'image/jpeg',
        }),
        status: 415,
        message: /JPEG, PNG, WebP, AVIF or GIF/,
      },
      {
        name: 'a PDF named .png',
        file: async () => ({
          data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
          name: 'scan.png',
          type: 'image/png',
        }),
        status: 415,
        message: /application\/pdf/,
      },
      {
        name: 'a truncated JPEG',
        file: async () => {
          const full = await jpegWithGps(600, 400)
          return {
            data: full.subarray(0, Math.floor(full.length / 2)),
            name: 'cut.jpg',
            type: 'image/jpeg',
          }
        },
        status: 400,
        message: /damaged or incomplete/,
      },
      {
        name: 'a decompression bomb (a small PNG of 12000×12000 pixels)',
        file: async () => ({
          data: await sharp({
            create: { width: 12000, height: 12000, channels: 3, background: '#000' },
          })
            .png({ compressionLevel: 9 })
            .toBuffer(),
          name: 'bomb.png',
          type: 'image/png',
        }),
        status: 400,
        message: /too many pixels/,
      },
      {
        name: 'a zero-byte file',
        file: async () => ({ data: Buffer.alloc(0), name: 'empty.jpg', type: 'image/jpeg' }),
        status: 400,
        message: /empty/,
      },
      {
        name: 'a TIFF (an image, but not one of the five formats)',
        file: async () => ({
          data: await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
            .tiff()
            .toBuffer(),
          name: 'scan.tiff',
          type: 'image/tiff',
        }),
        status: 415,
        message: /image\/tiff/,
      },
    ]
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const before = countFiles()
        const res = await upload(server.url, {
          token: tokens.editor,
          file: await c.file(),
          data: { caption: c.name, credit: 'Tes' },
        })
        expect(res.status, errorText(res.body)).toBe(c.status)
        expect(errorText(res.body)).toMatch(c.message)
        expect(countFiles()).toBe(before)
      })
    }

    it('a polyglot (JPEG with HTML/script appended) is stored re-encoded, without the payload', async () => {
      const jpeg = await jpegWithGps(300, 200)
      const polyglot = Buffer.concat([
        jpeg,
        Buffer.from('<html><script>alert("x")</script></html>'),
      ])
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: polyglot, name: 'poly.jpg.html', type: 'text/html' },
        data: { caption: 'Polyglot', credit: 'Tes' },
      })
      expect(res.status, errorText(res.body)).toBe(201)
      const doc = res.body.doc as StoredMedia
      expect(doc.filename).toMatch(/^poly\.jpg-[0-9a-f]{8}\.jpg$/)
      const file = readFileSync(path.join(mediaDir, doc.filename as string))
      expect(file.includes('<script')).toBe(false)
      expect(metadataBlocks(file)).toEqual([])
    })

    it('a PNG named .jpg and sent as image/jpeg is stored as the PNG it is', async () => {
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: await pngImage(), name: 'wrong.jpg', type: 'image/jpeg' },
        data: { caption: 'Salah ekstensi', credit: 'Tes' },
      })
      expect(res.status, errorText(res.body)).toBe(201)
      expect(res.body.doc?.mimeType).toBe('image/png')
      expect(res.body.doc?.filename).toMatch(/^wrong-[0-9a-f]{8}\.png$/)
    })

    it('file names are sanitised: folders, bidi and zero-width characters, device names, length, unique suffix', async () => {
      const rows: [string, RegExp][] = [
        ['../../etc/passwd.png', /^passwd-[0-9a-f]{8}\.png$/],
        ['..\\..\\windows\\win.ini.png', /^win\.ini-[0-9a-f]{8}\.png$/],
        ['evil\u202Egnp.exe.png', /^evilgnp\.exe-[0-9a-f]{8}\.png$/],
        ['zero\u200Bwidth\u2066.png', /^zerowidth-[0-9a-f]{8}\.png$/],
        ['CON.png', /^CON-photo-[0-9a-f]{8}\.png$/],
        [`${'ä'.repeat(300)}.png`, /^ä{87}-[0-9a-f]{8}\.png$/],
      ]
      for (const [name, expected] of rows) {
        const res = await upload(server.url, {
          token: tokens.editor,
          file: { data: await pngImage(40, 30), name, type: 'image/png' },
          data: { caption: `nama ${name.slice(0, 20)}`, credit: 'Tes' },
        })
        expect(res.status, `${name}: ${errorText(res.body)}`).toBe(201)
        expect(res.body.doc?.filename, name).toMatch(expected)
      }
      expect(readdirSync(mediaDir).every((f) => !f.includes('/') && !f.startsWith('.'))).toBe(true)
    })

    it('a multipart body the parser cannot read (NUL in the part header) → 400, not 500', async () => {
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: await pngImage(40, 30), name: 'nul\u0000.png', type: 'image/png' },
        data: { caption: 'NUL', credit: 'Tes' },
      })
      expect(res.status, errorText(res.body)).toBe(400)
      expect(errorText(res.body)).toMatch(/multipart/i)
    })

    it(`over MEDIA_MAX_BYTES with a Content-Length → 413 naming the setting`, async () => {
      const before = countFiles()
      const res = await rawMultipart(
        server.url,
        tokens.editor,
        MAX_BYTES + 1024 * 1024 + 512 * 1024,
        false,
      )
      expect(res.status, res.text).toBe(413)
      expect(res.text).toMatch(/MEDIA_MAX_BYTES/)
      expect(countFiles()).toBe(before)
    })

    it(`over MEDIA_MAX_BYTES, chunked (no Content-Length) → 413 naming the setting, not 500`, async () => {
      const before = countFiles()
      const res = await rawMultipart(server.url, tokens.editor, MAX_BYTES + 256 * 1024, true)
      expect(res.status, res.text).toBe(413)
      expect(res.text).toMatch(/MEDIA_MAX_BYTES/)
      expect(countFiles()).toBe(before)
      // the server still answers
      expect((await api.get('/api/articles')).status).toBe(200)
    })

    it(`far over MEDIA_MAX_BYTES, chunked (30 MB, no Content-Length) → 413 at once, not a stalled connection`, async () => {
      const before = countFiles()
      const started = Date.now()
      const res = await rawMultipart(server.url, tokens.editor, 30 * 1024 * 1024, true)
      expect(Date.now() - started).toBeLessThan(30_000)
      expect(res.status, res.text).toBe(413)
      expect(res.text).toMatch(/MEDIA_MAX_BYTES/)
      expect(countFiles()).toBe(before)
      // the server still answers
      expect((await api.get('/api/articles')).status).toBe(200)
    })

    it('10 parallel uploads: each is stored (after a retry when load shedding answered 503 + Retry-After), distinct files', async () => {
      const data = await jpegWithGps(640, 480)
      const send = (i: number) =>
        upload(server.url, {
          token: tokens.editor,
          file: { data, name: 'same-name.jpg', type: 'image/jpeg' },
          data: { caption: `Paralel ${i}`, credit: 'Tes' },
        })
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i)))
      // More uploads than MAX_CONCURRENT_REQUESTS on a busy machine: the excess may be shed with a
      // clear 503 and Retry-After (never a 500, never a hang); a client retries those.
      for (const [i, result] of results.entries()) {
        expect([201, 503], errorText(result.body)).toContain(result.status)
        for (let attempt = 0; results[i].status === 503 && attempt < 5; attempt++) {
          expect(results[i].headers.get('retry-after')).toMatch(/^\d+$/)
          await new Promise((r) =>
            setTimeout(r, 1000 * Number(results[i].headers.get('retry-after'))),
          )
          results[i] = await send(i)
        }
      }
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201))
      const names = results.map((r) => r.body.doc?.filename)
      expect(new Set(names).size).toBe(10)
      for (const name of names) {
        expect(metadataBlocks(readFileSync(path.join(mediaDir, name as string)))).toEqual([])
      }
    })
  })

  describe('who may upload and read', () => {
    const photo = () => pngImage(200, 150)

    it('anonymous cannot upload (403) and nothing is stored', async () => {
      const before = readdirSync(mediaDir).length
      const res = await upload(server.url, {
        token: null,
        file: { data: await photo(), name: 'anon.png', type: 'image/png' },
        data: { caption: 'Anonim', credit: 'Tes' },
      })
      expect(res.status).toBe(403)
      expect(readdirSync(mediaDir).length).toBe(before)
    })

    it('contributor, editor and admin can upload a new photo; only editors and admins attach to an existing entry', async () => {
      const ids: Record<string, string | number> = {}
      for (const role of ['contributor', 'editor', 'admin'] as const) {
        const res = await upload(server.url, {
          token: tokens[role],
          file: { data: await photo(), name: `${role}.png`, type: 'image/png' },
          data: { caption: `Foto ${role}`, credit: role },
        })
        expect(res.status, `${role}: ${errorText(res.body)}`).toBe(201)
        ids[role] = res.body.doc!.id
      }
      const captionOnly = await api
        .as(tokens.editor)
        .post<{ doc: StoredMedia }>('/api/media', { caption: 'Hanya keterangan', credit: 'Antara' })
      const byContributor = await upload(server.url, {
        token: tokens.contributor,
        id: captionOnly.body.doc.id,
        file: { data: await photo(), name: 'attach.png', type: 'image/png' },
      })
      expect(byContributor.status).toBe(403)
      const byAdmin = await upload(server.url, {
        token: tokens.admin,
        id: captionOnly.body.doc.id,
        file: { data: await photo(), name: 'attach.png', type: 'image/png' },
      })
      expect(byAdmin.status, errorText(byAdmin.body)).toBe(200)
      expect(byAdmin.body.doc?.photoStatus).toBe('present')
    })

    it('a photo no published article uses stays private: anonymous gets neither the entry nor its files', async () => {
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: await jpegWithGps(1200, 900), name: 'private.jpg', type: 'image/jpeg' },
        data: { caption: 'Belum terbit', credit: 'Tes', alt: 'Rahasia' },
      })
      expect(res.status).toBe(201)
      const doc = res.body.doc as StoredMedia
      expect((await api.get(`/api/media/${doc.id}`)).status).toBe(404)
      const list = await api.get<{ docs: StoredMedia[] }>('/api/media?limit=100')
      expect(list.body.docs.map((d) => d.id)).not.toContain(doc.id)
      for (const url of [doc.url, doc.sizes?.card?.url]) {
        const anonymous = await fetchBytes(`${server.url}${url}`)
        expect([403, 404], `${url}`).toContain(anonymous.status)
        expect(anonymous.data.includes(Buffer.from([0xff, 0xd8]))).toBe(false)
        for (const role of ['contributor', 'editor', 'admin'] as const) {
          expect((await fetchBytes(`${server.url}${url}`, tokens[role])).status, role).toBe(200)
        }
      }
    })
  })

  describe('photo rights in the workflow', () => {
    const article = async (featuredMedia: string | number) => {
      const admin = api.as(tokens.admin)
      const created = await admin.post<{ doc: { id: string | number } }>('/api/articles', {
        title: `Artikel ${Math.random().toString(36).slice(2)}`,
        featuredMedia,
      })
      expect(created.status).toBe(201)
      const id = created.body.doc.id
      expect((await admin.post(`/api/articles/${id}/workflow`, { action: 'submit' })).status).toBe(
        200,
      )
      return id
    }
    const photo = async (data: Record<string, unknown>) => {
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: await pngImage(300, 200), name: 'hak.png', type: 'image/png' },
        data: { caption: 'Foto utama', credit: 'Tes', ...data },
      })
      expect(res.status, errorText(res.body)).toBe(201)
      return res.body.doc!.id
    }
    type Refusal = { errors: { message: string; data?: { rule?: string } }[] }

    it('approve and publish are refused while the featured photo lacks alt text (409, rule id), allowed once fixed', async () => {
      const media = await photo({
        copyrightHolder: 'Kantor Berita Tes',
        usageTerms: 'Sekali pakai, hanya daring',
        rightsExpireAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      const id = await article(media)
      for (const action of ['approve', 'publish']) {
        const res = await api
          .as(tokens.editor)
          .post<Refusal>(`/api/articles/${id}/workflow`, { action })
        expect(res.status, action).toBe(409)
        expect(res.body.errors[0].data?.rule).toBe('workflow.photo.alt-missing')
        expect(res.body.errors[0].message).toMatch(/alt text/)
      }
      expect(
        (await api.as(tokens.editor).patch(`/api/media/${media}`, { alt: 'Warga' })).status,
      ).toBe(200)
      const ok = await api
        .as(tokens.editor)
        .post(`/api/articles/${id}/workflow`, { action: 'publish' })
      expect(ok.status).toBe(200)
      // now public, with its files
      const anonymous = await api.get<StoredMedia & Record<string, unknown>>(`/api/media/${media}`)
      expect(anonymous.status).toBe(200)
      // credit and copyright holder are public; usage terms and the rights expiry are staff-only
      expect(anonymous.body.credit).toBe('Tes')
      expect(anonymous.body.copyrightHolder).toBe('Kantor Berita Tes')
      expect(anonymous.body).not.toHaveProperty('usageTerms')
      expect(anonymous.body).not.toHaveProperty('rightsExpireAt')
      const staff = await api
        .as(tokens.contributor)
        .get<Record<string, unknown>>(`/api/media/${media}`)
      expect(staff.body.usageTerms).toBe('Sekali pakai, hanya daring')
      expect((await fetchBytes(`${server.url}${anonymous.body.url}`)).status).toBe(200)
    })

    it('expired rights refuse approve and schedule (workflow.photo.rights-expired)', async () => {
      const media = await photo({
        alt: 'Alt',
        rightsExpireAt: new Date(Date.now() - 60_000).toISOString(),
      })
      const id = await article(media)
      const approve = await api
        .as(tokens.editor)
        .post<Refusal>(`/api/articles/${id}/workflow`, { action: 'approve' })
      expect(approve.status).toBe(409)
      expect(approve.body.errors[0].data?.rule).toBe('workflow.photo.rights-expired')
      const schedule = await api.as(tokens.editor).post<Refusal>(`/api/articles/${id}/workflow`, {
        action: 'schedule',
        publishAt: new Date(Date.now() + 3600_000).toISOString(),
      })
      expect(schedule.status).toBe(409)
      expect(schedule.body.errors[0].data?.rule).toBe('workflow.photo.rights-expired')
    })

    it('a photo without credit (an imported entry whose credit was cleared) refuses publish', async () => {
      const entry = await api
        .as(tokens.editor)
        .post<{ doc: StoredMedia }>('/api/media', { caption: 'Tanpa kredit', alt: 'Alt' })
      const id = await article(entry.body.doc.id)
      const res = await api
        .as(tokens.editor)
        .post<Refusal>(`/api/articles/${id}/workflow`, { action: 'publish' })
      expect(res.status).toBe(409)
      expect(res.body.errors[0].data?.rule).toBe('workflow.photo.credit-missing')
    })

    it('"publish changes" on a live article (admin button and endpoint) is refused once the photo rights expired', async () => {
      const media = await photo({ alt: 'Alt' })
      const id = await article(media)
      const editor = api.as(tokens.editor)
      expect(
        (await editor.post(`/api/articles/${id}/workflow`, { action: 'publish' })).status,
      ).toBe(200)
      expect(
        (
          await editor.patch(`/api/media/${media}`, {
            rightsExpireAt: new Date(Date.now() - 1000).toISOString(),
          })
        ).status,
      ).toBe(200)
      const button = await editor.patch<Refusal>(`/api/articles/${id}`, {
        title: 'Judul baru yang tidak boleh tayang',
        _status: 'published',
      })
      expect(button.status).toBe(409)
      expect(button.body.errors[0].data?.rule).toBe('workflow.photo.rights-expired')
      await editor.patch(`/api/articles/${id}?draft=true`, { title: 'Draf tertunda' })
      const endpoint = await editor.post<Refusal>(`/api/articles/${id}/workflow`, {
        action: 'publish_changes',
      })
      expect(endpoint.status).toBe(409)
      expect(endpoint.body.errors[0].data?.rule).toBe('workflow.photo.rights-expired')
      const live = await api.get<{ title: string }>(`/api/articles/${id}`)
      expect(live.body.title).toMatch(/^Artikel /)
      // unpublishing is never blocked by the photo
      expect(
        (await editor.post(`/api/articles/${id}/workflow`, { action: 'unpublish' })).status,
      ).toBe(200)
    })

    it('the scheduler checks again at run time: rights that expired after scheduling keep the article scheduled', async () => {
      const media = await photo({ alt: 'Alt' })
      const id = await article(media)
      const scheduled = await api.as(tokens.editor).post(`/api/articles/${id}/workflow`, {
        action: 'schedule',
        publishAt: new Date(Date.now() + 2000).toISOString(),
      })
      expect(scheduled.status).toBe(200)
      const expire = await api
        .as(tokens.editor)
        .patch(`/api/media/${media}`, { rightsExpireAt: new Date(Date.now() - 1000).toISOString() })
      expect(expire.status).toBe(200)
      await new Promise((r) => setTimeout(r, 2500))
      const run = await api.as(tokens.admin).get('/api/payload-jobs/run')
      expect(run.status).toBe(200)
      const after = await api
        .as(tokens.admin)
        .get<{ workflowStatus: string; _status: string }>(`/api/articles/${id}?draft=true`)
      expect(after.body.workflowStatus).toBe('scheduled')
      expect(after.body._status).toBe('draft')
      expect((await api.get(`/api/articles/${id}`)).status).toBe(404)
    })
  })
})
