import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
// s3rver ships no types; the test uses its constructor, run() and close() only
// @ts-expect-error no declaration file
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, bootstrapAccounts } from '../helpers/api'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { errorText, jpegWithGps, metadataBlocks, sharpMetadata, upload } from '../helpers/images'
import type { StoredMedia } from '../helpers/images'
import { runServerExpectingFailure, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

const BUCKET = 'redaksi-media'

interface S3rverInstance {
  run: () => Promise<{ address: string; port: number }>
  close: () => Promise<void>
}

describe('media on S3-compatible storage (a local s3rver started by the test)', () => {
  let s3dir: string
  let s3rver: S3rverInstance
  let endpoint: string
  let client: S3Client

  beforeAll(async () => {
    s3dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-s3-'))
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3dir,
      configureBuckets: [{ name: BUCKET }],
    }) as S3rverInstance
    const { port } = await s3rver.run()
    endpoint = `http://127.0.0.1:${port}`
    client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
  })

  afterAll(async () => {
    client?.destroy()
    await s3rver?.close()
    rmSync(s3dir, { recursive: true, force: true })
  })

  const keys = async (): Promise<string[]> => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))
    return (listed.Contents ?? []).map((o) => o.Key as string).sort()
  }
  const object = async (key: string): Promise<Buffer> => {
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
    return Buffer.from(await got.Body!.transformToByteArray())
  }

  it('a partial S3 configuration stops the server at start-up with one clear line', async () => {
    const { code, output } = await runServerExpectingFailure({
      NODE_ENV: 'development',
      DATABASE_URI: `file:${path.join(s3dir, 'refused.db')}`,
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
    })
    expect(code).toBe(1)
    expect(output).toMatch(/S3 media storage is partly configured/)
    expect(output).toMatch(/S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/)
    expect(output).not.toMatch(/\s+at /)
  })

  describe.each(TEST_DATABASES)('on %s', (kind) => {
    let db: TestDatabase
    let server: TestServer
    let api: Api
    let tokens: Awaited<ReturnType<typeof bootstrapAccounts>>
    let localDir: string

    beforeAll(async () => {
      db = await createTestDatabase(kind)
      localDir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-media-unused-'))
      server = await startTestServer({
        databaseUri: db.uri,
        env: {
          MEDIA_DIR: localDir,
          S3_BUCKET: BUCKET,
          S3_ENDPOINT: endpoint,
          S3_REGION: 'us-east-1',
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
          S3_FORCE_PATH_STYLE: 'true',
        },
      })
      api = new Api(server.url)
      tokens = await bootstrapAccounts(api)
    })

    afterAll(async () => {
      const code = await server?.stop('SIGTERM')
      await db?.drop()
      rmSync(localDir, { recursive: true, force: true })
      expect(code).toBe(0)
    })

    it('upload → every object in the bucket (original and sizes) has no EXIF; served through the API; delete removes them', async () => {
      const before = await keys()
      const res = await upload(server.url, {
        token: tokens.editor,
        file: { data: await jpegWithGps(), name: `gps-${kind}.jpg`, type: 'image/jpeg' },
        data: { caption: 'Di S3', credit: 'Tes', alt: 'Foto' },
      })
      expect(res.status, `${errorText(res.body)}\n${server.output().slice(-4000)}`).toBe(201)
      const doc = res.body.doc as StoredMedia
      const added = (await keys()).filter((k) => !before.includes(k))
      expect(added).toHaveLength(4)
      expect(added).toContain(doc.filename)
      for (const key of added) {
        const file = await object(key)
        expect(metadataBlocks(file), key).toEqual([])
        const meta = await sharpMetadata(file)
        expect([key, meta.exif, meta.xmp, meta.icc]).toEqual([key, 0, 0, 0])
      }
      // nothing on the local disk
      const { readdirSync } = await import('node:fs')
      expect(readdirSync(localDir)).toEqual([])

      // served through Payload (access-checked): staff yes, anonymous no (not yet public)
      for (const url of [doc.url, ...Object.values(doc.sizes ?? {}).map((s) => s.url)]) {
        const staff = await fetch(`${server.url}${url}`, {
          headers: { Authorization: `JWT ${tokens.contributor}` },
        })
        expect(staff.status, url ?? '').toBe(200)
        const bytes = Buffer.from(await staff.arrayBuffer())
        expect(metadataBlocks(bytes)).toEqual([])
        const anonymous = await fetch(`${server.url}${url}`)
        expect([403, 404], url ?? '').toContain(anonymous.status)
      }

      const removed = await api.as(tokens.editor).delete(`/api/media/${doc.id}`)
      expect(removed.status).toBe(200)
      expect(await keys()).toEqual(before)
    })
  })
})
