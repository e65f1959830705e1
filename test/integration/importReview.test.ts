import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '@/db/close'
import { entryArgv } from '@/config/node'
import { createTestDatabase, TEST_DATABASES } from '../helpers/databases'
import type { TestDatabase } from '../helpers/databases'
import { localPayload } from '../helpers/localPayload'

const root = process.cwd()

const seed = (databaseUri: string, args: string[]) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: 'x'.repeat(40),
  }
  Reflect.deleteProperty(env, 'NODE_ENV')
  const res = spawnSync(
    process.execPath,
    entryArgv('development', path.join(root, 'src/cli/seed.ts'), ...args),
    { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
  )
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

/** No byline, no date: the parser flags it for an editor. */
const UNSIGNED = [
  'Pasar Apung Banjarmasin Kembali Ramai Dikunjungi',
  '',
  'Pedagang di pasar apung Lok Baintan kembali ramai menjajakan sayur dan buah dari atas jukung sejak pagi buta.',
  '',
  'Pengelola wisata mencatat kunjungan pada akhir pekan naik dibandingkan bulan lalu karena cuaca yang cerah.',
  'Facebook',
  'WhatsApp',
].join('\n')

describe.each(TEST_DATABASES)('import review data on %s', (kind) => {
  let db: TestDatabase
  let dir: string
  let payload: Payload
  const users = {} as Record<'editor' | 'contributor', TypedUser>

  beforeAll(async () => {
    db = await createTestDatabase(kind)
    dir = mkdtempSync(path.join(os.tmpdir(), 'redaksi-import-review-'))
    for (const f of ['c29_warta_kepri_b.txt', 'c30_warta_kepri_c.txt']) {
      copyFileSync(path.join(root, 'test/fixtures/corpus', f), path.join(dir, f))
    }
    writeFileSync(path.join(dir, 'unsigned.txt'), UNSIGNED)
    const run = seed(db.uri, ['--json', dir])
    expect(run.code, run.stderr).toBe(0)
    payload = await localPayload(db.uri)
    for (const role of ['editor', 'contributor'] as const) {
      const doc = await payload.create({
        collection: 'editors',
        data: {
          email: `${role}@review.test`,
          password: 'a long review passphrase',
          name: role,
          role,
        },
      })
      users[role] = { ...doc, collection: 'editors' } as TypedUser
    }
  }, 240_000)

  afterAll(async () => {
    if (payload) await closePayload(payload)
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const byFile = async (name: string) => {
    const found = await payload.find({
      collection: 'articles',
      where: { 'source.fileName': { contains: name } },
      draft: true,
      depth: 0,
    })
    expect(found.totalDocs).toBe(1)
    return found.docs[0]
  }

  it('stores per-field confidence, needsAttention, warnings and every removed line', async () => {
    const kepri = await byFile('c29_warta_kepri_b.txt')
    expect(kepri.source?.needsAttention).toBe(false)
    // 2 of 5 trailing lines removed by features, not patterns: the body is a little less certain
    expect(kepri.source?.confidence).toMatchObject({ authors: 0.95, date: 1, body: 0.8 })
    expect(kepri.source?.boilerplate).toEqual([
      'Warta Kepri hadir di kanal siaran setiap Senin sampai Jumat pukul 07.00',
      'Redaksi Warta Kepri menerima tulisan opini pembaca maksimal 700 kata',
      '© 2024 Warta Kepri',
    ])
    expect(kepri.outlet).toBe('Warta Kepri')

    const unsigned = await byFile('unsigned.txt')
    expect(unsigned.source?.needsAttention).toBe(true)
    expect(unsigned.source?.confidence).toMatchObject({ authors: 0, date: 0 })
    expect(unsigned.source?.warnings).toEqual(
      expect.arrayContaining([
        'no byline found',
        'publishedAt not found',
        'removed 2 chrome lines (kept as boilerplate), 2 decided by features, not patterns',
      ]),
    )
    expect(unsigned.source?.boilerplate).toEqual(['Facebook', 'WhatsApp'])
  })

  it('filters to "needs attention" with the signed-in editor’s access', async () => {
    const flagged = await payload.find({
      collection: 'articles',
      where: { 'source.needsAttention': { equals: true } },
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: users.editor,
    })
    expect(flagged.docs.map((d) => d.source?.fileName?.split('/').pop())).toEqual(['unsigned.txt'])
    const count = await payload.count({
      collection: 'articles',
      where: { 'source.needsAttention': { equals: false } },
      overrideAccess: false,
      user: users.editor,
    })
    expect(count.totalDocs).toBe(2)
  })

  it('gives contributors (staff) the same filter; refuses the filter to anonymous readers (400)', async () => {
    const asContributor = await payload.find({
      collection: 'articles',
      where: { 'source.needsAttention': { equals: true } },
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: users.contributor,
    })
    expect(asContributor.totalDocs).toBe(1)
    // the source group is staff-only: an anonymous query on it is refused (4xx), not answered
    await expect(
      payload.find({
        collection: 'articles',
        where: { 'source.needsAttention': { equals: true } },
        draft: true,
        depth: 0,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
    const published = await payload.find({
      collection: 'articles',
      depth: 0,
      overrideAccess: false,
    })
    expect(published.totalDocs).toBe(0)
  })

  it('keeps the review data read-only for everybody but the importer', async () => {
    const unsigned = await byFile('unsigned.txt')
    const updated = await payload.update({
      collection: 'articles',
      id: unsigned.id,
      data: { source: { needsAttention: false, confidence: { authors: 1 } } } as never,
      draft: true,
      overrideAccess: false,
      user: users.editor,
    })
    expect(updated.source?.needsAttention).toBe(true)
    expect(updated.source?.confidence).toMatchObject({ authors: 0 })
  })
})
